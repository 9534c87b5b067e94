import Link from "next/link";
import { buttonStyles } from "@/components/styles";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="mt-3 text-slate-600">There is nothing at this address.</p>
      <Link href="/" className={`${buttonStyles.primary} mt-6`}>
        Go to the home page
      </Link>
    </div>
  );
}
