/**
 * All economy files read as one, per förbund: each row gets its förbund, each konto its line,
 * each ID its post. Located errors (nothing is written) for: a förbund that cannot be told, two
 * ledger files with bookings in the same month, the same budget or medelstilldelning twice, an
 * ID whose post is unknown, a konto that is not mapped, an opening balance on a result konto.
 */
import { labelKey } from "../../normalise/labels.ts";
import type { Indelning } from "../../reference/indelning.ts";
import type { Installningar } from "../../reference/installningar.ts";
import { Begransning, type Findings } from "../../validate/findings.ts";
import { POSTER, STANDARD_EKONOMI, type EkonomiInstallningar, type Kontorad, type Post } from "./installningar.ts";
import { arResultatrad, klassificera } from "./kontoplan.ts";
import { forbundstolkare } from "./forbund.ts";
import { postFor, postFranNamn } from "./poster.ts";
import type { Bokf } from "./saldon.ts";
import { fyndVid, plats, type Tabell } from "./tabell.ts";
import type { Bokning, Budgetrad, Kalla, Medelsrad, Rapportvarde } from "./typer.ts";

/** What the files held, file by file (a workbook sheet counts as a file). */
export interface Ekonomiinlasning {
  readonly huvudbok: { readonly tabell: Tabell; readonly rader: readonly Bokning[] }[];
  readonly budget: { readonly tabell: Tabell; readonly rader: readonly Budgetrad[] }[];
  readonly medel: { readonly tabell: Tabell; readonly rader: readonly Medelsrad[] }[];
  readonly rapporterat: { readonly tabell: Tabell; readonly rader: readonly Rapportvarde[] }[];
}

export function tomInlasning(): Ekonomiinlasning {
  return { huvudbok: [], budget: [], medel: [], rapporterat: [] };
}

export function arTom(i: Ekonomiinlasning): boolean {
  return i.huvudbok.length === 0 && i.budget.length === 0 && i.medel.length === 0 && i.rapporterat.length === 0;
}

export interface Budgetpost extends Budgetrad {
  /** The konto's line, for rows with a konto. */
  readonly rad: Kontorad | undefined;
}

export interface IdUppgift {
  readonly post: Post;
  /** Name per year as the files write it (ledger first, then budget). */
  readonly namn: ReadonlyMap<number, string>;
}

export interface Forbundsekonomi {
  readonly forbund: string;
  readonly forbundNamn: string;
  readonly inst: EkonomiInstallningar;
  readonly bokningar: readonly Bokf[];
  readonly budget: readonly Budgetpost[];
  readonly medel: readonly Medelsrad[];
  readonly rapporterat: readonly Rapportvarde[];
  readonly id: ReadonlyMap<string, IdUppgift>;
}

type Rad = { readonly forbundText: string | undefined; readonly kalla: Kalla };

export function sammanfoga(
  inl: Ekonomiinlasning, indelning: Pick<Indelning, "medlemskap">, installningar: Installningar, findings: Findings,
): Map<string, Forbundsekonomi> | undefined {
  const ekonomiInst = installningar.ekonomi ?? new Map<string, EkonomiInstallningar>();
  const tolkare = forbundstolkare(indelning, [...ekonomiInst.keys()]);
  let ok = true;
  const begr = new Begransning();

  /** The förbund of each row of one table; undefined (with findings) when any is unknown. */
  const forbundFor = <T extends Rad>(t: Tabell, rader: readonly T[]): (T & { forbund: string })[] | undefined => {
    const ut: (T & { forbund: string })[] = [];
    let tabellOk = true;
    const rapporterade = new Set<string>();
    for (const r of rader) {
      const f = r.forbundText !== undefined ? tolkare.tolka(r.forbundText) : tolkare.ensam;
      if (f === undefined) {
        tabellOk = false;
        const nyckel = r.forbundText ?? "";
        if (rapporterade.has(nyckel)) continue;
        rapporterade.add(nyckel);
        findings.fel(fyndVid(plats(t, r.kalla.rad, r.kalla.kolumner.forbund, r.forbundText ?? null), "ekonomi.forbund",
          r.forbundText !== undefined
            ? `okänt förbund "${r.forbundText}"; förväntat ett förbunds namn eller id ur förbundsindelningen (${tolkare.kanda.join(", ")})`
            : ekonomiInst.size === 0
              ? "filen anger inte vilket förbund den gäller; förväntat kolumnen Företag eller Förbund, eller ekonomiinställningar för ett förbund i inställningsfilen"
              : `filen anger inte vilket förbund den gäller och inställningarna har ekonomi för flera förbund (${[...ekonomiInst.keys()].sort().join(", ")}); förväntat kolumnen Företag eller Förbund`,
          r.forbundText !== undefined ? "unknown förbund" : "the file does not say which förbund it is for"));
        continue;
      }
      ut.push({ ...r, forbund: f });
    }
    return tabellOk ? ut : undefined;
  };

  const bokningar: (Bokf & { forbund: string })[] = [];
  const budget: (Budgetpost & { forbund: string })[] = [];
  const medel: (Medelsrad & { forbund: string })[] = [];
  const rapporterat: (Rapportvarde & { forbund: string })[] = [];
  const inst = (f: string) => ekonomiInst.get(f) ?? STANDARD_EKONOMI;

  // Ledger: konto lines, opening balances only on balance konton, one file per month.
  const manadFil = new Map<string, { tabell: Tabell; rad: number }>();
  const overlapp = new Set<string>();
  for (const { tabell, rader } of inl.huvudbok) {
    const med = forbundFor(tabell, rader);
    if (!med) {
      ok = false;
      continue;
    }
    const okandaKonton = new Set<string>();
    for (const b of med) {
      const k = klassificera(b.konto, inst(b.forbund), b.kontonamn);
      if (k === undefined) {
        ok = false;
        if (!okandaKonton.has(b.konto) && begr.rapportera("ekonomi.konto_okant")) {
          okandaKonton.add(b.konto);
          findings.fel(fyndVid(plats(tabell, b.kalla.rad, b.kalla.kolumner.konto, b.konto), "ekonomi.konto_okant",
            `kontot ${b.konto}${b.kontonamn ? ` (${b.kontonamn})` : ""} hör inte till någon rad i resultat- eller balansräkningen; förväntat ett konto i Kommun-Bas klass 1–8 (utom 80–83 och 86) eller kontot under "konton" i förbundets ekonomiinställningar`,
            `account ${b.konto} is not mapped to a line`));
        }
        continue;
      }
      if (b.ib && arResultatrad(k.rad)) {
        ok = false;
        if (begr.rapportera("ekonomi.ib_resultatkonto")) {
          findings.fel(fyndVid(plats(tabell, b.kalla.rad, b.kalla.kolumner.datum, b.manad), "ekonomi.ib_resultatkonto",
            `ingående balans på resultatkontot ${b.konto}; förväntat ingående balans bara på balanskonton (klass 1 och 2)`, "opening balance on a result account"));
        }
        continue;
      }
      const nyckel = `${b.forbund}\u0000${b.manad}`;
      const forst = manadFil.get(nyckel);
      if (forst === undefined) manadFil.set(nyckel, { tabell, rad: b.kalla.rad });
      else if (forst.tabell !== tabell) {
        ok = false;
        const par = `${forst.tabell.fil}\u0000${forst.tabell.blad ?? ""}\u0000${tabell.fil}\u0000${tabell.blad ?? ""}`;
        if (!overlapp.has(par)) {
          overlapp.add(par);
          const vad = b.ib ? `ingående balans för ${b.ar}` : `bokningar i ${b.manad}`;
          const annan = `${forst.tabell.fil}${forst.tabell.blad !== undefined ? ` (blad "${forst.tabell.blad}")` : ""} rad ${forst.rad}`;
          findings.fel(fyndVid(plats(tabell, b.kalla.rad, b.kalla.kolumner.datum, b.ib ? `${b.ar}-00` : b.datum), "ekonomi.overlapp",
            `${vad} för ${tolkare.namn.get(b.forbund) ?? b.forbund} finns också i ${annan}; två huvudboksfiler får inte täcka samma period (förväntat varje månad i en fil)`,
            `bookings for the same period are also in ${forst.tabell.fil}: two ledger files overlap`));
        }
        continue;
      }
      bokningar.push({ ...b, rad: k.rad, not: k.not });
    }
  }

  // Budget: konto lines; the same ID, konto and year once (a budget and a prognos may come apart).
  const budgetNyckel = new Map<string, number>();
  for (const { tabell, rader } of inl.budget) {
    const med = forbundFor(tabell, rader);
    if (!med) {
      ok = false;
      continue;
    }
    for (const r of med) {
      let rad: Kontorad | undefined;
      if (r.konto !== undefined) {
        const k = klassificera(r.konto, inst(r.forbund), r.kontonamn);
        if (k === undefined || !arResultatrad(k.rad)) {
          ok = false;
          if (begr.rapportera("ekonomi.konto_okant")) {
            findings.fel(fyndVid(plats(tabell, r.kalla.rad, r.kalla.kolumner.konto, r.konto), "ekonomi.konto_okant",
              k === undefined
                ? `kontot ${r.konto} hör inte till någon rad i resultaträkningen; förväntat ett resultatkonto (Kommun-Bas klass 3–8) eller kontot under "konton" i förbundets ekonomiinställningar`
                : `kontot ${r.konto} är ett balanskonto; en budget förväntas på resultatkonton (klass 3–8)`,
              "budget account is not a mapped result account"));
          }
          continue;
        }
        rad = k.rad;
      }
      if (!r.delsumma) {
        const nyckel = `${r.forbund}\u0000${r.ar}\u0000${r.id}\u0000${r.konto ?? ""}`;
        const i = budgetNyckel.get(nyckel);
        if (i !== undefined) {
          const forst = budget[i]!;
          const kompletterar = (forst.budgetOre === undefined) !== (r.budgetOre === undefined) && (forst.prognosOre === undefined) !== (r.prognosOre === undefined);
          if (kompletterar) {
            budget[i] = { ...forst, budgetOre: forst.budgetOre ?? r.budgetOre, prognosOre: forst.prognosOre ?? r.prognosOre, prognosdatum: forst.prognosdatum ?? r.prognosdatum };
            continue;
          }
          ok = false;
          if (begr.rapportera("ekonomi.budget_dubblett")) {
            findings.fel(fyndVid(plats(tabell, r.kalla.rad, r.kalla.kolumner.id, r.id), "ekonomi.budget_dubblett",
              `budgeten för ID ${r.id}${r.konto ? `, konto ${r.konto}` : ""}, ${r.ar} finns redan i ${forst.kalla.tabell.fil} rad ${forst.kalla.rad}; förväntat en rad per ID, konto och år`,
              "the same budget row twice"));
          }
          continue;
        }
        budgetNyckel.set(nyckel, budget.length);
      }
      budget.push({ ...r, rad });
    }
  }

  const medelNyckel = new Map<string, Kalla>();
  for (const { tabell, rader } of inl.medel) {
    const med = forbundFor(tabell, rader);
    if (!med) {
      ok = false;
      continue;
    }
    for (const r of med) {
      const nyckel = `${r.forbund}\u0000${r.ar}\u0000${r.totalt ? "\u0001totalt" : labelKey(r.medlem)}`;
      const forst = medelNyckel.get(nyckel);
      if (forst) {
        ok = false;
        if (begr.rapportera("ekonomi.medel_dubblett")) {
          findings.fel(fyndVid(plats(tabell, r.kalla.rad, r.kalla.kolumner.medlem, r.medlem), "ekonomi.medel_dubblett",
            `${r.medlem} ${r.ar} finns redan i ${forst.tabell.fil} rad ${forst.rad}; förväntat en rad per medlem och år`, "the same member and year twice"));
        }
        continue;
      }
      medelNyckel.set(nyckel, r.kalla);
      medel.push(r);
    }
  }

  for (const { tabell, rader } of inl.rapporterat) {
    const med = forbundFor(tabell, rader);
    if (!med) {
      ok = false;
      continue;
    }
    rapporterat.push(...med);
  }

  // Every ID on a result konto or in the budget has a post.
  const forbundSomFinns = new Set([...bokningar, ...budget, ...medel, ...rapporterat].map((r) => r.forbund));
  const idPerForbund = new Map<string, Map<string, IdUppgift>>();
  for (const f of forbundSomFinns) {
    const namn = new Map<string, Map<number, string>>();
    const forstaRad = new Map<string, { kalla: Kalla; namn: string | undefined }>();
    const notera = (id: string, ar: number, n: string | undefined, kalla: Kalla) => {
      if (!forstaRad.has(id)) forstaRad.set(id, { kalla, namn: n });
      if (n === undefined) return;
      const m = namn.get(id) ?? new Map<number, string>();
      if (!m.has(ar)) m.set(ar, n);
      namn.set(id, m);
    };
    for (const b of bokningar) if (b.forbund === f && b.id !== undefined && arResultatrad(b.rad)) notera(b.id, b.ar, b.idNamn, b.kalla);
    for (const r of budget) if (r.forbund === f && r.id !== "totalt" && !r.delsumma) notera(r.id, r.ar, r.idNamn, r.kalla);
    const uppgifter = new Map<string, IdUppgift>();
    for (const [id, forst] of [...forstaRad].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const arsnamn = namn.get(id) ?? new Map<number, string>();
      const ettNamn = [...arsnamn.entries()].sort(([a], [b]) => b - a)[0]?.[1];
      // The settings decide when they have "poster"; else any year's name may tell the post.
      let post = postFor(id, ettNamn, inst(f));
      if (post === undefined && inst(f).poster.size === 0) post = [...arsnamn.values()].map(postFranNamn).find((p) => p !== undefined);
      if (post === undefined) {
        ok = false;
        if (begr.rapportera("ekonomi.id_okant")) {
          const t = forst.kalla.tabell;
          findings.fel(fyndVid(plats(t, forst.kalla.rad, forst.kalla.kolumner.id, id), "ekonomi.id_okant",
            inst(f).poster.size > 0
              ? `okänt ID ${id}${ettNamn ? ` (${ettNamn})` : ""}: det finns inte under "poster" i ekonomiinställningarna för ${tolkare.namn.get(f) ?? f}; förväntat ett av ${[...inst(f).poster.keys()].join(", ")}, eller lägg till IDt där (${POSTER.join(", ")})`
              : `okänt ID ${id}${ettNamn ? ` (${ettNamn})` : " (utan namn)"}: posten (styrelse, administration, insats, intäkter …) går inte att känna igen från namnet; ange den under "poster" i förbundets ekonomiinställningar`,
            "unknown ID: its post is neither in the settings nor recognised from its name"));
        }
        continue;
      }
      uppgifter.set(id, { post, namn: arsnamn });
    }
    idPerForbund.set(f, uppgifter);
  }
  if (!ok) return undefined;

  const ut = new Map<string, Forbundsekonomi>();
  for (const f of [...forbundSomFinns].sort()) {
    ut.set(f, {
      forbund: f,
      forbundNamn: tolkare.namn.get(f) ?? f,
      inst: inst(f),
      bokningar: bokningar.filter((b) => b.forbund === f),
      budget: budget.filter((b) => b.forbund === f),
      medel: medel.filter((m) => m.forbund === f),
      rapporterat: rapporterat.filter((r) => r.forbund === f),
      id: idPerForbund.get(f) ?? new Map(),
    });
  }
  return ut;
}
