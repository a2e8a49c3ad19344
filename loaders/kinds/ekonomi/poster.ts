/**
 * What each ID (ansvar, verksamhet, projekt) is: styrelse, administration, personalinriktade
 * insatser, publikationer, an insats or the intäkter. The settings' `poster` decide; without
 * them the post is recognised from the ID's name as the reports write them.
 */
import { labelKey } from "../../normalise/labels.ts";
import type { EkonomiInstallningar, Post } from "./installningar.ts";

/** Name patterns, tried in this order on the name's label key. */
const MONSTER: readonly [Post, RegExp][] = [
  ["styrelse", /styrelse/],
  ["intakter", /intakt|medlemsbidrag|medlemsavgift|medelstilldelning|tilldelade medel|driftbidrag fran|anslag/],
  ["personalinriktade", /personalinriktad|kompetensutveckling|overgripande samordning|strukturinriktad/],
  ["publikationer", /publikation|forlag|bokforsaljning/],
  ["administration", /administration|administrativ|kansli|forbundschef|kringkostnad/],
  ["insats", /samverkansteam|insats|team|projekt|individinriktad|strukturovergripande/],
];

export function postFranNamn(namn: string): Post | undefined {
  const k = labelKey(namn);
  for (const [post, re] of MONSTER) if (re.test(k)) return post;
  return undefined;
}

/** The ID's post: from the settings when they have `poster`, else from its name. */
export function postFor(id: string, namn: string | undefined, inst: EkonomiInstallningar): Post | undefined {
  if (inst.poster.size > 0) return inst.poster.get(id);
  return namn ? postFranNamn(namn) : undefined;
}

export const POSTNAMN: Record<Post, string> = {
  styrelse: "Styrelse",
  administration: "Administration",
  personalinriktade: "Personalinriktade insatser",
  publikationer: "Publikationer",
  insats: "Insats",
  intakter: "Intäkter",
};
