// Nedladdning av tabellerna som CSV, utan DOM (testas i test/nedladdning.test.ts).
// dom.js lägger två knappar under varje tabell och läser tabellens celler när någon
// klickar; här blir cellernas text en CSV-fil.
//
// Två varianter:
// - "excel": för svenska Excel. UTF-8 med BOM, semikolon, decimalkomma, CRLF.
// - "standard": vanlig CSV. UTF-8 utan BOM, komma, decimalpunkt, LF.
//
// Filen innehåller exakt det som visas: talen med samma avrundning som på skärmen,
// men skrivna som tal (utan tusentalsavgränsare, med "-" som minustecken och utan
// "+" och enhet; enheten står i kolumnrubriken, eller i radrubriken när enheten
// skiljer sig mellan raderna). Ett dolt värde blir markeringen "•", ett saknat ("–")
// ett tomt fält. Text som börjar med =, +, -, @, tabb eller radbrytning får en
// apostrof först, så att Excel inte tolkar den som en formel.
import { SAKNAS } from "./format.js";

/** Markeringen för ett dolt värde (samma som DOLT i insatser.js). */
export const DOLT_MARKERING = "\u2022" as const;

export type Variant = "excel" | "standard";
export type Varde =
  | { typ: "tom" }
  | { typ: "dolt" }
  | { typ: "text"; text: string }
  | { typ: "tal"; negativ: boolean; heltal: string; decimaler: string; enhet: string };
export interface TabellText {
  rubriker: string[];
  rader: string[][];
  /** Kolumnen med radernas rubriker (-1 eller utelämnad om ingen). */
  radrubrik?: number;
}
/** Det som synligText behöver av en DOM-nod (så att testerna kan ge egna). */
export interface Nodlik {
  nodeType: number;
  nodeValue?: string | null;
  childNodes?: ArrayLike<Nodlik>;
  classList?: { contains(k: string): boolean };
  getAttribute?(namn: string): string | null;
}

export const VARIANTER: Record<Variant, { bom: string; separator: string; decimal: string; radslut: string }> = {
  excel: { bom: "\ufeff", separator: ";", decimal: ",", radslut: "\r\n" },
  standard: { bom: "", separator: ",", decimal: ".", radslut: "\n" }
};

// Enheterna som format.js och statistik.js skriver efter ett tal, och hur de står i rubriken.
const ENHETER: Record<string, { rubrik: string; ord: string[] }> = {
  "%": { rubrik: "%", ord: ["%", "procent"] },
  procentenheter: { rubrik: "procentenheter", ord: ["procentenheter", "procentenhet"] },
  kr: { rubrik: "kr", ord: ["kr", "kronor"] },
  "mån": { rubrik: "månader", ord: ["mån", "månader"] },
  "år": { rubrik: "år", ord: ["år"] }
};

const MELLANRUM = "[\u00a0\u202f ]";
const TAL = new RegExp(
  `^([+\\-\u2212]?)(\\d{1,3}(?:${MELLANRUM}\\d{3})+|\\d+)(?:,(\\d+))?(?:${MELLANRUM}?(${Object.keys(ENHETER).join("|")}))?$`
);

/**
 * Tolkar en cells text som den visas: "1 234,5" och "12,3 %" är tal, "–" saknas,
 * "•" är dolt, allt annat text. Ett heltal med inledande nolla (en kod som "0180") är text.
 */
export function tolkaVarde(text: string): Varde {
  const t = normaliseraText(text);
  if (t === "" || t === SAKNAS) return { typ: "tom" };
  if (t === DOLT_MARKERING) return { typ: "dolt" };
  const m = TAL.exec(t);
  if (!m) return { typ: "text", text: t };
  const heltal = (m[2] ?? "").replace(/[\u00a0\u202f ]/g, "");
  if (heltal.length > 1 && heltal.startsWith("0")) return { typ: "text", text: t };
  const decimaler = m[3] ?? "";
  const noll = /^0*$/.test(heltal + decimaler);
  return { typ: "tal", negativ: !noll && (m[1] === "-" || m[1] === "\u2212"), heltal, decimaler, enhet: m[4] ?? "" };
}

/**
 * Blanksteg i början och slutet bort; flera vanliga blanksteg och radbrytningar blir ett.
 * Mjuka bindestreck och nollbreda mellanslag (avstavningstips som inte syns) tas bort.
 */
function normaliseraText(text: string | null | undefined): string {
  return String(text ?? "")
    .replace(/[\u00ad\u200b]/g, "")
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/^[ \u00a0]+|[ \u00a0]+$/g, "");
}

/**
 * En text som Excel (eller LibreOffice) skulle kunna tolka som en formel får en apostrof först.
 */
export function neutralisera(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) || /^\s+[=+\-@]/.test(text) ? `'${text}` : text;
}

/**
 * Ett fält med citattecken om det behövs (separatorn, citattecken eller radbrytning).
 */
export function citera(falt: string, separator: string): string {
  return falt.includes(separator) || /["\r\n]/.test(falt) ? `"${falt.replaceAll('"', '""')}"` : falt;
}

/**
 * Ett tal som text i variantens format, med samma decimaler som visas.
 */
function talText(v: Extract<Varde, { typ: "tal" }>, decimal: string): string {
  return `${v.negativ ? "-" : ""}${v.heltal}${v.decimaler ? decimal + v.decimaler : ""}`;
}

/** Rubriken med enheten inom parentes, om rubriken inte redan nämner den. */
function medEnhet(rubrik: string, enhet: string): string {
  const e = ENHETER[enhet];
  if (!e) return rubrik;
  const ord = rubrik.toLowerCase().split(/[^a-z0-9åäöéü%]+/);
  if (e.ord.some((o) => ord.includes(o))) return rubrik;
  return rubrik ? `${rubrik} (${e.rubrik})` : e.rubrik;
}

/**
 * Tabellens celler (text som den visas) som fält: tal, text, tomt eller dolt, med
 * enheterna flyttade till rubrikerna.
 */
export function tabellvarden({ rubriker, rader, radrubrik = -1 }: TabellText): { rubriker: string[]; rader: Varde[][] } {
  const antal = Math.max(rubriker.length, ...rader.map((r) => r.length));
  const varden = rader.map((r) => Array.from({ length: antal }, (_, i) => tolkaVarde(r[i] ?? "")));
  const nyaRubriker = Array.from({ length: antal }, (_, i) => normaliseraText(rubriker[i] ?? ""));
  // En kolumn med text (till exempel radrubrikerna "0 kr", "1–2 inkomstbasbelopp") är en
  // kolumn med etiketter: ett tal med enhet där står kvar som text.
  for (let i = 0; i < antal; i++) {
    if (!varden.some((r) => r[i]?.typ === "text")) continue;
    varden.forEach((r, j) => {
      const v = r[i];
      if (v?.typ === "tal" && v.enhet) r[i] = { typ: "text", text: normaliseraText(rader[j]?.[i] ?? "") };
    });
  }
  const enheter = (celler: (Varde | undefined)[]) => new Set(celler.filter((v): v is Extract<Varde, { typ: "tal" }> => v?.typ === "tal").map((v) => v.enhet));

  // En enhet per kolumn: enheten i rubriken.
  const blandade: number[] = [];
  for (let i = 0; i < antal; i++) {
    const e = enheter(varden.map((r) => r[i]));
    if (e.size <= 1) nyaRubriker[i] = medEnhet(nyaRubriker[i] ?? "", [...e][0] ?? "");
    else blandade.push(i);
  }
  if (!blandade.length) return { rubriker: nyaRubriker, rader: varden };

  // Enheten skiljer sig mellan raderna (som i insatsernas resultattabell): enheten i
  // radrubriken om varje rad har en enda enhet, annars visas de kolumnerna som text.
  const radEnheter = varden.map((r) => [...enheter(blandade.map((i) => r[i]))]);
  const radvis =
    radrubrik >= 0 &&
    !blandade.includes(radrubrik) &&
    radEnheter.every((e, j) => e.length === 0 || (e.length === 1 && (e[0] === "" || varden[j]?.[radrubrik]?.typ === "text")));
  varden.forEach((r, j) => {
    if (radvis) {
      const enhet = radEnheter[j]?.[0] ?? "";
      const rubrik = r[radrubrik];
      if (enhet && rubrik?.typ === "text") r[radrubrik] = { typ: "text", text: medEnhet(rubrik.text, enhet) };
    } else {
      for (const i of blandade) if (r[i]?.typ === "tal") r[i] = { typ: "text", text: normaliseraText(rader[j]?.[i] ?? "") };
    }
  });
  return { rubriker: nyaRubriker, rader: varden };
}

/**
 * CSV-filen för en tabell.
 */
export function tabellTillCsv(tabell: TabellText, variant: Variant): string {
  const v = VARIANTER[variant];
  if (!v) throw new Error(`Okänd variant: ${variant}`);
  const { rubriker, rader } = tabellvarden(tabell);
  const falt = (d: Varde) => {
    if (d.typ === "tom") return "";
    if (d.typ === "dolt") return DOLT_MARKERING;
    if (d.typ === "tal") return talText(d, v.decimal);
    return citera(neutralisera(d.text), v.separator);
  };
  const rad = (f: string[]) => f.join(v.separator) + v.radslut;
  return (
    v.bom +
    rad(rubriker.map((r) => citera(neutralisera(r), v.separator))) +
    rader.map((r) => rad(r.map(falt))).join("")
  );
}

/**
 * Filnamnet: bildtexten som ASCII med bindestreck ("Helårsekvivalenter, Falun, jan–jun 2024"
 * -> "helarsekvivalenter-falun-jan-jun-2024.csv"); Excelvarianten slutar på "-excel.csv".
 */
export function filnamn(bildtext: string, variant: Variant): string {
  let slug = String(bildtext ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > 120) slug = slug[120] === "-" ? slug.slice(0, 120) : slug.slice(0, 120).replace(/-[^-]*$/, "");
  return `${slug || "tabell"}${variant === "excel" ? "-excel" : ""}.csv`;
}

/**
 * Den text i en cell som syns på skärmen: en dold cell (klassen "dolt") blir "•", text bara
 * för skärmläsare ("visuellt-dold"), dekorationer (aria-hidden, t.ex. ⚠) och element med
 * data-nedladdning="ej" (t.ex. korta etiketter för smala skärmar) hoppas över. Ett element med
 * data-nedladdning="ja" kommer med även när det bara är för skärmläsare (t.ex. nyckeltalets
 * namn framför "kvinnor" i resultattabellerna, så att raden går att förstå i filen).
 */
export function synligText(nod: Nodlik): string {
  if (nod.nodeType === 3) return nod.nodeValue ?? "";
  if (nod.nodeType !== 1) return "";
  if (nod.classList?.contains("dolt")) return DOLT_MARKERING;
  if (nod.getAttribute?.("data-nedladdning") === "ja") return Array.from(nod.childNodes ?? [], synligText).join("");
  if (
    nod.classList?.contains("visuellt-dold") ||
    nod.getAttribute?.("aria-hidden") === "true" ||
    nod.getAttribute?.("data-nedladdning") === "ej"
  ) {
    return "";
  }
  return Array.from(nod.childNodes ?? [], synligText).join("");
}
