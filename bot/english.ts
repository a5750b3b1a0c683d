// Small pieces of English shared by every reply: possessives of school names.

/** "Cadmus Family of Schools'" and "LFSSQ Federation's": the possessive of a name. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
