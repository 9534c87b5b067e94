/** Prisma's unique-constraint violation (P2002): the row another request inserted first. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";
