/**
 * A sentence carried on after a colon ("This highlight cannot be shared: the note is too long."), so its first
 * letter is lowered, unless it starts an acronym ("DOI …", "UUID …"), which keeps its capitals. Only the first
 * letter is looked at, so "L’identifiant …" becomes "l’identifiant …" as French wants.
 */
export function lowerFirst(sentence: string): string {
  return /^\p{Lu}(?!\p{Lu})/u.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}
