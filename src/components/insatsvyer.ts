// Tabeller och diagram för sidorna Insatser och Jämställdhet. Logiken (tolkning, vad som
// visas, texter) finns i insatser.ts; här byggs bara element.
//
// Dolda värden: en markering (DOLT, "•") som text på en fast plats i diagrammet, aldrig en
// stapel, punkt eller något som har med värdet att göra. Skalor räknas bara på visade värden.
import * as Plot from "@observablehq/plot";
import { KONSFARGER } from "./data.js";
import { diagramkort, somBild, type Diagramval } from "./diagram.js";
import { el, rullbar, tabell } from "./dom.js";
import { formatFonster, formatFonsterRubrik, formatHeltal, formatProcent, formatTal } from "./format.js";
import {
  AVSLUTSUTFALL,
  DOLT,
  DOLT_KORT,
  BRUSTEXT,
  BRUS_DOLT_TEXT,
  UTFALL,
  arKalenderar,
  domanFranVisade,
  fannsTeamet,
  type TeamIAr,
  formatNyckeltal,
  insatsNamn,
  kontrolleraRapport,
  linjerMedHal,
  nyckeltal,
  visning,
  type Cell,
  type Fonster,
  type FonsterMedNyckel,
  type Nyckeltal,
  type Visning,
  type staplatUtfall,
  type tidsserie,
  skyddsmetodNu,
  skyddstext,
} from "./insatser.js";

/** Ett diagram från Plot (en svg, eller en figur med förklaring). */
type Diagram = SVGSVGElement | HTMLElement;
/** En insats och ett kön i jämställdhetsdiagrammet. */
export interface Konsvarde {
  insats: string;
  kon: "kvinnor" | "man";
  varde: number | null;
  dolt: boolean;
  lag?: number | null;
  hog?: number | null;
}
/** En insats i diagrammet över kvinnornas andel. */
export interface AndelKvinnor {
  insats: string;
  dolt: boolean;
  andel: number | null;
  befolkning: number | null;
}

const KONNAMN: Record<string, string> = { alla: "Alla", kvinnor: "Kvinnor", man: "Män" };
const KONFARG: Record<string, string> = { alla: KONSFARGER[0]!, kvinnor: KONSFARGER[1]!, man: KONSFARGER[2]! };
const KONSYMBOL: Record<string, string> = { alla: "square", kvinnor: "circle", man: "diamond" };

/** Markeringen för ett dolt värde i en tabellcell eller i löptext. */
export function doltMarkering(): HTMLElement {
  return el(
    "span",
    { class: "dolt", title: DOLT_KORT },
    el("span", { "aria-hidden": "true" }, DOLT),
    el("span", { class: "visuellt-dold" }, "visas inte")
  );
}

/** En cell: markeringen för dolt, annars texten. */
export function cell(v: Visning): HTMLElement | string {
  return v.status === "dolt" ? doltMarkering() : v.text;
}

/** Meningen om dolda värden, under en tabell eller ett diagram. */
export function skyddsnot(): HTMLElement {
  const markering = el("span", { class: "dolt", "aria-hidden": "true" }, DOLT);
  if (skyddsmetodNu() === "brus") return el("p", { class: "fotnot skyddsnot" }, BRUSTEXT, " ", markering, " ", BRUS_DOLT_TEXT);
  return el("p", { class: "fotnot skyddsnot" }, markering, " ", skyddstext());
}

/** En vanlig fotnot. */
export function fotnot(text: string): HTMLElement {
  return el("p", { class: "fotnot" }, text);
}

/**
 * Ett diagramkort (diagram.js) med skyddsmeningen och eventuella fotnoter under diagrammet.
 */
export function insatskort({ titel, beskrivning, diagram, tabell: tabellvy, fotnoter = [], rubrikniva = "h3" }: {
  titel: string;
  beskrivning: string;
  diagram: Node;
  tabell: HTMLElement;
  fotnoter?: (string | null)[];
  rubrikniva?: "h2" | "h3";
}): HTMLElement {
  const kort = diagramkort({ titel, beskrivning, diagram, tabell: tabellvy, rubrikniva });
  const details = kort.querySelector("details");
  for (const n of [...fotnoter.filter((t): t is string => Boolean(t)).map((t) => fotnot(t)), skyddsnot()]) kort.insertBefore(n, details);
  return kort;
}

/**
 * Ett kort utan diagram när inget värde visas (t.ex. allt är dolt): rubrik, förklaring och
 * tabellen. Inget diagram ritas, så inget om de dolda värdena kan läsas ut.
 */
export function kortUtanDiagram({ titel, text, tabell: tabellvy, rubrikniva = "h3" }: {
  titel: string;
  text: string;
  tabell?: HTMLElement | null;
  rubrikniva?: "h2" | "h3";
}): HTMLElement {
  return el(
    "section",
    { class: "diagramkort card utan-diagram" },
    el(rubrikniva, { class: "diagramtitel" }, titel),
    el("p", { class: "diagrambeskrivning" }, text),
    // En tabell utan rader (inga perioder alls) visas inte: texten säger redan att inget finns.
    tabellvy && (!(tabellvy instanceof HTMLTableElement) || tabellvy.tBodies[0]?.rows.length) ? rullbar(tabellvy) : null,
    skyddsnot()
  );
}

// --- Resultattabellen (delårsbokslutets Tabell 1–4) -----------------------------------------

/** Kön i resultattabellerna: totalen först, kvinnor och män på var sin rad under. */
export const RESULTATKON = ["alla", "kvinnor", "man"] as const;

/**
 * Nyckeltalen för en insats i de senaste perioderna, som i delårsbokslutet, med kvinnor och
 * män på egna rader under varje nyckeltal (styrelsens regel: all statistik efter kön). Varje
 * cell hämtas ur de skyddade tabellerna (`hamta`), för varje kön för sig: ett dolt värde
 * förblir dolt, och inget räknas om här.
 */
export function resultattabell({ bildtext, fonster, hamta }: {
  bildtext: string;
  fonster: readonly Fonster[];
  hamta: (f: Fonster, matt: string, kon: (typeof RESULTATKON)[number]) => Cell;
}): HTMLTableElement {
  const rader = ["deltagare", "avslut", "andel_mal", "genomstromningstid_man", "tid_fore_start_ar"].flatMap((kod) =>
    RESULTATKON.map((kon) => ({ n: nyckeltal(kod)!, kon }))
  );
  return tabell({
    bildtext,
    rader,
    radklass: (d) => (d.kon === "alla" ? "konrad-alla" : "konrad"),
    kolumner: [
      {
        rubrik: "",
        radrubrik: true,
        // Smala skärmar får en kort etikett (bara en av dem visas, och bara den läses upp).
        // Könets rader: "Kvinnor"/"Män" syns; nyckeltalets namn står framför för skärmläsare
        // och i nedladdningen, så att varje rad går att förstå för sig.
        varde: (d) =>
          d.kon === "alla"
            ? [el("span", { class: "etikett-lang" }, brytbar(d.n.rubrik)), el("span", { class: "etikett-kort", "data-nedladdning": "ej" }, d.n.kort)]
            : [el("span", { class: "visuellt-dold", "data-nedladdning": "ja" }, `${d.n.rubrik}, `), d.kon === "kvinnor" ? "kvinnor" : "män"],
        klass: (d) => (d.kon === "alla" ? null : "konetikett")
      },
      ...fonster.map((f) => ({
        rubrik: formatFonsterRubrik(f.fran, f.till),
        tal: true,
        varde: (d: { n: Nyckeltal; kon: (typeof RESULTATKON)[number] }) => cell(visning(hamta(f, d.n.kod, d.kon), (x) => formatNyckeltal(d.n.kod, x)))
      }))
    ]
  });
}

/** "arbete/studier/…" med en brytpunkt (<wbr>) efter varje snedstreck, så att en lång radrubrik bryts där. */
function brytbar(text: string): (string | HTMLElement)[] {
  return text.split("/").flatMap((del, i, alla) => (i < alla.length - 1 ? [`${del}/`, el("wbr")] : [del]));
}

// --- Teamen år för år (2018 års rapport, Tabell 12–15) --------------------------------------

/**
 * Teamens färger i översikten år för år: klart åtskilda, mörka nog mot vit bakgrund (3:1), och
 * inte orange eller blågrönt, som betyder kvinnor och män. Förbundet totalt är mörkgrått.
 */
export const TEAMFARGER: readonly string[] = ["#2f5fb3", "#7b3fb0", "#2e7d32", "#8a5a3c", "#c0397a", "#5b6270", "#1a237e", "#827717"];
const TEAMSYMBOLER = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "times"] as const;
const TOTALTNAMN = "Förbundet totalt";

/**
 * Ett mått med teamen som rader och åren som kolumner (som i 2018 års rapport, Tabell 12–15),
 * med kvinnor och män under varje team och förbundet totalt sist. Ett år då teamet inte fanns
 * (`fannsTeamet`) är en tom cell, inte 0; varje annan cell hämtas ur de skyddade tabellerna
 * (`hamta`) och visas som de, dolt som markeringen.
 */
export function teamArTabell({ bildtext, matt, ar, team, totalt, hamta }: {
  bildtext: string;
  matt: string;
  ar: readonly FonsterMedNyckel[];
  team: readonly TeamIAr[];
  totalt: boolean;
  hamta: (insats: string, f: FonsterMedNyckel, kon: (typeof RESULTATKON)[number]) => Cell;
}): HTMLTableElement {
  const block: (TeamIAr & { total: boolean })[] = [
    ...team.map((t) => ({ ...t, total: false })),
    ...(totalt ? [{ insats: "totalt", forsta: 0, sista: ar.length - 1, total: true }] : [])
  ];
  const rader = block.flatMap((t) => RESULTATKON.map((kon) => ({ t, kon })));
  const namn = (t: (typeof block)[number]) => (t.total ? TOTALTNAMN : insatsNamn(t.insats));
  return tabell({
    bildtext,
    rader,
    radklass: (d) => [d.kon === "alla" ? "konrad-alla" : "konrad", d.t.total ? "totalrad" : null].filter(Boolean).join(" "),
    kolumner: [
      {
        rubrik: "Team",
        radrubrik: true,
        varde: (d) =>
          d.kon === "alla" ? namn(d.t) : [el("span", { class: "visuellt-dold", "data-nedladdning": "ja" }, `${namn(d.t)}, `), d.kon === "kvinnor" ? "kvinnor" : "män"],
        klass: (d) => (d.kon === "alla" ? null : "konetikett")
      },
      ...ar.map((f, i) => ({
        rubrik: f.till.slice(0, 4),
        tal: true,
        varde: (d: (typeof rader)[number]) => (fannsTeamet(d.t, i) ? cell(visning(hamta(d.t.insats, f, d.kon), (x) => formatNyckeltal(matt, x))) : "")
      }))
    ]
  });
}

/** Diagrammets tabellvy: ett år per rad, en kolumn per team och förbundet totalt (alla). */
export function teamArDiagramtabell({ bildtext, matt, ar, team, totalt, hamta }: Parameters<typeof teamArTabell>[0]): HTMLTableElement {
  const kolumner = [...team.map((t) => ({ t, namn: insatsNamn(t.insats) })), ...(totalt ? [{ t: { insats: "totalt", forsta: 0, sista: ar.length - 1 }, namn: TOTALTNAMN }] : [])];
  const index = new Map(ar.map((f, i) => [f.nyckel, i]));
  return tabell({
    bildtext,
    rader: ar.slice().reverse(),
    kolumner: [
      { rubrik: "År", radrubrik: true, varde: (f) => f.till.slice(0, 4) },
      ...kolumner.map((k) => ({
        rubrik: k.namn,
        tal: true,
        varde: (f: FonsterMedNyckel) => (fannsTeamet(k.t, index.get(f.nyckel)!) ? cell(visning(hamta(k.t.insats, f, "alla"), (x) => formatNyckeltal(matt, x))) : "")
      }))
    ]
  });
}

/**
 * Ett mått år för år, en linje per team (och förbundet totalt, mörkgrå och tjockare), för alla.
 * Teamen skiljs åt med färg och symbol. Dolda värden: markeringen på en fast rad per team
 * längst ned, aldrig en punkt; år då teamet inte fanns ritas inte.
 */
export function teamArDiagram(
  { matt, ar, team, totalt, hamta }: Omit<Parameters<typeof teamArTabell>[0], "bildtext">,
  { width, alt }: Diagramval
): Diagram {
  const serier = [...team.map((t) => ({ t, namn: insatsNamn(t.insats) })), ...(totalt ? [{ t: { insats: "totalt", forsta: 0, sista: ar.length - 1 }, namn: TOTALTNAMN }] : [])];
  const punkter: { namn: string; ar: string; varde: number | null }[] = [];
  const dolda: { namn: string; ar: string }[] = [];
  for (const { t, namn } of serier) {
    ar.forEach((f, i) => {
      if (!fannsTeamet(t, i)) return;
      const c = hamta(t.insats, f, "alla");
      if (c?.dolt) dolda.push({ namn, ar: f.till.slice(0, 4) });
      punkter.push({ namn, ar: f.till.slice(0, 4), varde: c && !c.dolt ? c.varde : null });
    });
  }
  const namnen = serier.map((s) => s.namn);
  const farger = serier.map((s, i) => (s.t.insats === "totalt" ? KONSFARGER[0]! : TEAMFARGER[i % TEAMFARGER.length]!));
  const symboler = serier.map((_, i) => TEAMSYMBOLER[i % TEAMSYMBOLER.length]!);
  const medDolda = namnen.filter((n) => dolda.some((d) => d.namn === n));
  const radhojd = 14;
  const y = vardeaxel(matt, punkter.map((p) => p.varde));
  const visade = punkter.filter((p) => p.varde != null);
  const arNamn = ar.map((f) => f.till.slice(0, 4));
  const steg = Math.max(1, Math.ceil((36 * arNamn.length) / Math.max(1, width - 80)));
  return somBild(
    Plot.plot({
      width,
      height: 300 + (medDolda.length ? radhojd * (medDolda.length + 1) : 0),
      marginLeft: medDolda.length ? 110 : 52,
      marginRight: 16,
      marginBottom: 36,
      ariaLabel: alt,
      x: { type: "point", domain: arNamn, label: null, inset: 12, ticks: arNamn.filter((_, i) => (arNamn.length - 1 - i) % steg === 0) },
      y: { ...y, grid: true, insetBottom: medDolda.length ? radhojd * (medDolda.length + 1) + 12 : 0, labelArrow: "none" },
      color: { domain: namnen, range: farger },
      symbol: { domain: namnen, range: symboler, legend: true },
      marks: [
        Plot.lineY(punkter, { x: "ar", y: "varde", z: "namn", stroke: "namn", strokeWidth: (d) => (d.namn === TOTALTNAMN ? 2.5 : 1.75) }),
        Plot.dot(visade, { x: "ar", y: "varde", stroke: "namn", fill: "namn", symbol: "namn", r: 3.5, title: (d) => `${d.namn}, ${d.ar}\n${formatNyckeltal(matt, d.varde)}`, tip: true }),
        ...(medDolda.length
          ? [
              Plot.text(["Visas inte:"], { frameAnchor: "bottom-left", lineAnchor: "bottom", textAnchor: "end", dx: -6, dy: -2 - radhojd * medDolda.length, text: (d) => d, fontSize: 10, fontWeight: 600, fill: "currentColor" }),
              ...medDolda.map((n, i) =>
                Plot.text([n], { frameAnchor: "bottom-left", lineAnchor: "bottom", textAnchor: "end", dx: -6, dy: -4 - radhojd * i, text: (d) => d.replace(/^Samverkansteam /, ""), fontSize: 10, fill: farger[namnen.indexOf(n)] })
              ),
              ...medDolda.map((n, i) =>
                Plot.text(dolda.filter((d) => d.namn === n), { x: "ar", frameAnchor: "bottom", lineAnchor: "bottom", dy: -1 - radhojd * i, text: () => DOLT, fill: farger[namnen.indexOf(n)], fontSize: 17, fontWeight: 700, title: (d) => `${d.namn}, ${d.ar}: ${DOLT_KORT.toLowerCase()}` })
              )
            ]
          : [])
      ]
    }),
    alt
  );
}

// --- Tidsdiagram per nyckeltal -------------------------------------------------------------

/** Axelns etiketter: kalenderåren som årtal; perioder som slutar i juni får bara ett streck. */
function periodaxel(fonster: readonly FonsterMedNyckel[], width: number, marginaler: number): Plot.ScaleOptions {
  const ar = fonster.filter(arKalenderar);
  const plats = (width - marginaler) / Math.max(1, ar.length);
  const steg = Math.max(1, Math.ceil(36 / Math.max(1, plats)));
  const etiketter = ar.filter((_, i) => (ar.length - 1 - i) % steg === 0).map((f) => f.nyckel);
  const namn = new Map(fonster.map((f) => [f.nyckel, f.till.slice(0, 4)]));
  return {
    type: "point",
    domain: fonster.map((f) => f.nyckel),
    label: null,
    ticks: etiketter.length ? etiketter : fonster.map((f) => f.nyckel).slice(-1),
    tickFormat: (n: string) => (ar.some((f) => f.nyckel === n) ? namn.get(n) : formatFonster(...(n.split("/") as [string, string]))),
    inset: 12
  };
}

function vardeaxel(matt: string, varden: readonly (number | null | undefined)[]): Plot.ScaleOptions {
  const typ = nyckeltal(matt)?.typ;
  if (typ === "andel") return { domain: domanFranVisade(varden, { tak: 1 }), tickFormat: (d: number) => formatProcent(d, 0), label: "Andel" };
  if (typ === "manader") return { domain: domanFranVisade(varden), tickFormat: (d: number) => formatTal(d, 0), label: "Månader" };
  if (typ === "ar") return { domain: domanFranVisade(varden), tickFormat: (d: number) => formatTal(d, 0), label: "År" };
  return { domain: domanFranVisade(varden), tickFormat: formatHeltal, label: "Antal" };
}

/**
 * Ett nyckeltal över tid för alla, kvinnor och män. Dolda värden: en markering i könets färg
 * längst ned i diagrammet, på en fast höjd per kön.
 */
export function trenddiagram(
  { punkter, dolda }: ReturnType<typeof tidsserie>,
  { width, alt, matt, fonster, kon }: Diagramval & { matt: string; fonster: readonly FonsterMedNyckel[]; kon: readonly string[] }
): Diagram {
  const linjer = linjerMedHal(punkter, fonster, kon).map((d) => ({ ...d, konNamn: KONNAMN[d.kon] }));
  const prickar = punkter.filter((p) => kon.includes(p.kon)).map((p) => ({ ...p, konNamn: KONNAMN[p.kon] }));
  const markeringar = dolda.filter((d) => kon.includes(d.kon)).map((d) => ({ ...d, konNamn: KONNAMN[d.kon] }));
  const y = vardeaxel(matt, prickar.map((p) => p.varde));
  const konsnamn = kon.map((k) => KONNAMN[k]);
  return somBild(
    Plot.plot({
      width,
      height: 300 + (markeringar.length ? 14 * (kon.length + 1) : 0),
      marginLeft: markeringar.length ? 66 : 52,
      marginRight: 16,
      marginBottom: 36,
      ariaLabel: alt,
      x: periodaxel(fonster, width, markeringar.length ? 82 : 68),
      y: { ...y, grid: true, insetBottom: markeringar.length ? 14 * (kon.length + 1) + 12 : 0, labelArrow: "none" },
      color: { domain: konsnamn, range: kon.map((k) => KONFARG[k]) },
      symbol: { domain: konsnamn, range: kon.map((k) => KONSYMBOL[k]), legend: true },
      marks: [
        Plot.lineY(linjer, { x: "nyckel", y: "varde", z: "konNamn", stroke: "konNamn", strokeWidth: (d) => (d.kon === "alla" ? 2.5 : 1.75) }),
        Plot.dot(prickar, {
          x: "nyckel",
          y: "varde",
          fill: "konNamn",
          symbol: "konNamn",
          r: 3.5,
          title: (d) => `${d.konNamn}, ${formatFonster(d.fran, d.till)}\n${formatNyckeltal(matt, d.varde)}`,
          tip: true
        }),
        // Dolda värden: markeringen på en fast rad per kön längst ned (alla, kvinnor, män),
        // med radernas namn i marginalen till vänster.
        ...(markeringar.length
          ? [
              Plot.text(["Visas inte:"], { frameAnchor: "bottom-left", lineAnchor: "bottom", textAnchor: "end", dx: -6, dy: -2 - 14 * kon.length, text: (d) => d, fontSize: 10, fontWeight: 600, fill: "currentColor" }),
              ...kon.map((k, i) =>
                Plot.text([(KONNAMN[k] ?? k).toLowerCase()], { frameAnchor: "bottom-left", lineAnchor: "bottom", textAnchor: "end", dx: -6, dy: -4 - 14 * i, text: (d) => d, fontSize: 10, fill: KONFARG[k] })
              )
            ]
          : []),
        ...kon.map((k, i) =>
          Plot.text(
            markeringar.filter((d) => d.kon === k),
            {
              x: "nyckel",
              frameAnchor: "bottom",
              lineAnchor: "bottom",
              dy: -1 - 14 * i,
              text: () => DOLT,
              fill: KONFARG[k],
              fontSize: 17,
              fontWeight: 700,
              title: (d) => `${d.konNamn}, ${formatFonster(d.fran, d.till)}: ${DOLT_KORT.toLowerCase()}`
            }
          )
        )
      ]
    }),
    alt
  );
}

/** Tabellvy för trenddiagram: en rad per period, en kolumn per kön. */
export function trendtabell({ bildtext, matt, fonster, kon, hamta }: {
  bildtext: string;
  matt: string;
  fonster: readonly FonsterMedNyckel[];
  kon: readonly string[];
  hamta: (f: FonsterMedNyckel, kon: string) => Cell;
}): HTMLTableElement {
  return tabell({
    bildtext,
    rader: fonster.slice().reverse(),
    kolumner: [
      { rubrik: "Period", radrubrik: true, varde: (f) => formatFonsterRubrik(f.fran, f.till), klass: () => "ingen-radbrytning" },
      ...kon.map((k) => ({ rubrik: KONNAMN[k] ?? k, tal: true, varde: (f: FonsterMedNyckel) => cell(visning(hamta(f, k), (x) => formatNyckeltal(matt, x))) }))
    ]
  });
}

// --- Utfall vid avslut ----------------------------------------------------------------------

/**
 * Vart deltagarna gick vid avslut, en liggande staplad stapel per period. Bara visade utfall
 * staplas; vilka utfall som är dolda står i periodens etikett (en fast plats), aldrig som stapel.
 */
export function utfallsdiagram(
  { segment, perioder }: ReturnType<typeof staplatUtfall>,
  { width, alt, kategorier = AVSLUTSUTFALL }: Diagramval & { kategorier?: readonly { kod: string; namn: string; farg: string }[] }
): Diagram {
  const radhojd = 46;
  const smal = width < 560;
  const etikett = (p: ReturnType<typeof staplatUtfall>["perioder"][number]) => {
    const delar = [`${formatFonsterRubrik(p.fran, p.till)}: ${p.avslutDolt ? `antal avslut ${DOLT} visas inte` : `${formatHeltal(p.avslut)} avslut`}`];
    if (p.dolda.length) delar.push(`${DOLT} ${p.dolda.length === kategorier.length ? "alla utfall" : `${p.dolda.length} av ${kategorier.length} utfall`} visas inte`);
    return delar.join(smal ? "\n" : " · ");
  };
  const hojdPerRad = radhojd + (smal ? 14 : 0);
  return somBild(
    Plot.plot({
      width,
      height: perioder.length * hojdPerRad + 70,
      marginLeft: 6,
      marginRight: 24,
      marginTop: 28,
      marginBottom: 36,
      ariaLabel: alt,
      x: { domain: domanFranVisade(segment.map((s) => s.x2)), label: "Antal avslut", grid: true, tickFormat: formatHeltal, labelArrow: "none" },
      y: { domain: perioder.map((p) => p.nyckel), axis: null, paddingInner: smal ? 0.62 : 0.5, paddingOuter: 0.3, align: 1 },
      color: { domain: kategorier.map((u) => u.namn), range: kategorier.map((u) => u.farg), legend: true },
      marks: [
        Plot.text(perioder, {
          y: "nyckel",
          text: etikett,
          frameAnchor: "left",
          textAnchor: "start",
          lineAnchor: "bottom",
          dy: -(hojdPerRad * (smal ? 0.19 : 0.25)) - 4,
          fontSize: 12,
          fill: "currentColor"
        }),
        Plot.barX(segment, {
          y: "nyckel",
          x1: "x1",
          x2: "x2",
          fill: "namn",
          stroke: "var(--theme-background)",
          strokeWidth: 1,
          title: (s) => `${formatFonster(s.fran, s.till)}\n${s.namn}: ${formatHeltal(s.varde)}`,
          tip: true
        }),
      ]
    }),
    alt
  );
}

/** Tabellvy för utfallsdiagram: en rad per period, en kolumn per utfall. */
export function utfallstabell({ bildtext, fonster, hamta, kategorier = AVSLUTSUTFALL, extra = ["overflyttad"] }: {
  bildtext: string;
  fonster: readonly FonsterMedNyckel[];
  hamta: (f: FonsterMedNyckel, matt: string) => Cell;
  kategorier?: readonly { kod: string; namn: string }[];
  extra?: readonly string[];
}): HTMLTableElement {
  const kolumner = ["avslut", ...kategorier.map((u) => u.kod), ...extra];
  const namn = new Map(UTFALL.map((u) => [u.kod, u.namn]));
  for (const u of kategorier) namn.set(u.kod, u.namn);
  return tabell({
    bildtext,
    rader: fonster.slice().reverse(),
    kolumner: [
      { rubrik: "Period", radrubrik: true, varde: (f) => formatFonsterRubrik(f.fran, f.till), klass: () => "ingen-radbrytning" },
      ...kolumner.map((kod) => ({
        rubrik: kod === "avslut" ? "Avslut totalt" : namn.get(kod) ?? kod,
        tal: true,
        varde: (f: FonsterMedNyckel) => cell(visning(hamta(f, kod), formatHeltal))
      }))
    ]
  });
}

// --- Rapporterat av teamet och beräknat -----------------------------------------------------

/**
 * Teamets rapporterade tabell bredvid den beräknade för samma period, med teamets egna
 * motsägelser markerade med ikon och text. Aktiva under perioden och teamets egna utfall
 * (`egna`, t.ex. "Nära till hälsa") står med när teamet har rapporterat dem; de har inget
 * beräknat värde.
 */
export function rapporttabell({ bildtext, rapporterat, beraknat, egna = [] }: {
  bildtext: string;
  rapporterat: (matt: string) => Cell;
  beraknat: (matt: string) => Cell;
  egna?: readonly string[];
}): { tabell: HTMLTableElement; kontroller: HTMLElement; antalMotsagelser: number } {
  const kontroller = kontrolleraRapport(rapporterat, egna);
  const motsagda = new Set(kontroller.filter((k) => k.status === "motsager").flatMap((k) => k.matt));
  const harRapport = (kod: string) => kod !== "overflyttad";
  const harBerakning = (kod: string) => kod !== "aktiva_under_perioden" && !egna.includes(kod);
  const aktivaUnder = rapporterat("aktiva_under_perioden") ? [{ kod: "aktiva_under_perioden", namn: "Aktiva under perioden" }] : [];
  const i = UTFALL.findIndex((u) => u.kod === "annat") + 1;
  const rader: { kod: string; namn: string }[] = [...UTFALL.slice(0, 2), ...aktivaUnder, ...UTFALL.slice(2, i), ...egna.map((kod) => ({ kod, namn: kod })), ...UTFALL.slice(i)];
  const t = tabell({
    bildtext,
    rader,
    radklass: (u) => (u.kod === "avslut" ? "summa" : null),
    kolumner: [
      { rubrik: "", radrubrik: true, varde: (u) => u.namn },
      {
        rubrik: "Rapporterat av teamet",
        tal: true,
        klass: (u) => (motsagda.has(u.kod) ? "motsagelse" : null),
        varde: (u) => {
          const v: Visning = harRapport(u.kod) ? visning(rapporterat(u.kod), formatHeltal) : { status: "saknas", text: "–" };
          if (!motsagda.has(u.kod)) return cell(v);
          return [el("span", { class: "varningsikon", "aria-hidden": "true" }, "⚠"), " ", cell(v), el("span", { class: "visuellt-dold" }, " (stämmer inte med teamets övriga tal)")];
        }
      },
      { rubrik: "Beräknat", tal: true, varde: (u) => cell(harBerakning(u.kod) ? visning(beraknat(u.kod), formatHeltal) : { status: "saknas", text: "–" }) }
    ]
  });
  const lista = el(
    "ul",
    { class: "kontroller" },
    kontroller.map((k) =>
      el(
        "li",
        { class: `kontroll ${k.status}` },
        el("span", { class: "kontrollikon", "aria-hidden": "true" }, k.status === "motsager" ? "⚠" : k.status === "stammer" ? "✓" : "?"),
        el("strong", null, k.status === "motsager" ? "Motsägelse i teamets rapport: " : k.status === "stammer" ? "Stämmer: " : "Kan inte kontrolleras: "),
        k.text
      )
    )
  );
  return { tabell: t, kontroller: lista, antalMotsagelser: kontroller.filter((k) => k.status === "motsager").length };
}

// --- Jämställdhet ---------------------------------------------------------------------------

/**
 * Kvinnor och män per insats för ett nyckeltal. Andelar får 95 % Wilsonintervall som
 * felstaplar när de finns. Dolda värden: texten "• visas inte" vid axelns början.
 */
export function konsdiagram(
  data: readonly Konsvarde[],
  { width, alt, matt, insatser }: Diagramval & { matt: string; insatser: readonly string[] }
): Diagram {
  const typ = nyckeltal(matt)?.typ;
  const rader = data.map((d) => ({ ...d, insatsNamn: insatsNamn(d.insats), konNamn: KONNAMN[d.kon]! }));
  const visade = rader.filter((d) => !d.dolt && d.varde != null);
  const dolda = rader.filter((d) => d.dolt);
  const saknade = rader.filter((d) => !d.dolt && d.varde == null);
  const medIntervall = visade.filter((d) => d.lag != null && d.hog != null);
  const namn = insatser.map(insatsNamn);
  const kon = ["Kvinnor", "Män"];
  const x = vardeaxel(matt, [...visade.map((d) => d.varde), ...medIntervall.map((d) => d.hog)]);
  const etikettX = (d: Konsvarde) => (d.hog != null ? d.hog : d.varde);
  const stapel = typ === "antal";
  return somBild(
    Plot.plot({
      width,
      height: namn.length * 86 + 50,
      marginLeft: 8,
      marginRight: 100,
      marginTop: 26,
      ariaLabel: alt,
      x: { ...x, grid: true, insetRight: 8, labelArrow: "none" },
      y: { domain: kon, axis: null, padding: 0.15 },
      fy: { domain: namn, axis: null, padding: 0.36 },
      color: { domain: kon, range: [KONSFARGER[1]!, KONSFARGER[2]!] },
      symbol: { domain: kon, range: ["circle", "diamond"], legend: !stapel },
      marks: [
        Plot.text(namn, { fy: (d) => d, text: (d) => d, frameAnchor: "top-left", dy: -19, fontSize: 12, fontWeight: 600 }),
        stapel
          ? Plot.barX(visade, {
              x: "varde",
              y: "konNamn",
              fy: "insatsNamn",
              fill: "konNamn",
              title: (d) => `${d.insatsNamn}, ${d.konNamn.toLowerCase()}\n${formatNyckeltal(matt, d.varde)}`,
              tip: true
            })
          : null,
        stapel ? null : Plot.ruleY(medIntervall, { y: "konNamn", fy: "insatsNamn", x1: "lag", x2: "hog", stroke: "konNamn", strokeWidth: 1.5 }),
        stapel ? null : Plot.tickX(medIntervall, { x: "lag", y: "konNamn", fy: "insatsNamn", stroke: "konNamn", strokeWidth: 1.5, inset: 6 }),
        stapel ? null : Plot.tickX(medIntervall, { x: "hog", y: "konNamn", fy: "insatsNamn", stroke: "konNamn", strokeWidth: 1.5, inset: 6 }),
        stapel
          ? null
          : Plot.dot(visade, {
              x: "varde",
              y: "konNamn",
              fy: "insatsNamn",
              fill: "konNamn",
              symbol: "konNamn",
              r: 5,
              title: (d) =>
                `${d.insatsNamn}, ${d.konNamn.toLowerCase()}\n${formatNyckeltal(matt, d.varde)}${d.lag != null ? `\n95 % osäkerhetsintervall ${formatProcent(d.lag, 0)}–${formatProcent(d.hog, 0)}` : ""}`,
              tip: true
            }),
        Plot.text(visade, {
          x: etikettX,
          y: "konNamn",
          fy: "insatsNamn",
          text: (d) => `${d.konNamn}: ${formatNyckeltal(matt, d.varde)}`,
          textAnchor: "start",
          dx: 7,
          fontSize: 11,
          fill: "currentColor"
        }),
        Plot.text(dolda, {
          y: "konNamn",
          fy: "insatsNamn",
          frameAnchor: "left",
          textAnchor: "start",
          dx: 6,
          text: (d) => `${d.konNamn}: ${DOLT} visas inte`,
          fontSize: 11,
          fill: "currentColor",
          title: () => DOLT_KORT
        }),
        Plot.text(saknade, {
          y: "konNamn",
          fy: "insatsNamn",
          frameAnchor: "left",
          textAnchor: "start",
          dx: 6,
          text: (d) => `${d.konNamn}: – inget underlag`,
          fontSize: 11,
          fill: "currentColor"
        }),
        Plot.ruleX([0])
      ].filter(Boolean)
    }),
    alt
  );
}

/**
 * Kvinnornas andel av deltagarna (punkt) och av befolkningen 20–64 år (streck) per insats.
 */
export function andelKvinnorDiagram(data: readonly AndelKvinnor[], { width, alt, insatser }: Diagramval & { insatser: readonly string[] }): Diagram {
  const namn = insatser.map(insatsNamn);
  const rader = data.map((d) => ({ ...d, insatsNamn: insatsNamn(d.insats) }));
  const visade = rader.filter((d) => d.andel != null);
  const dolda = rader.filter((d) => d.dolt);
  const saknade = rader.filter((d) => !d.dolt && d.andel == null);
  const befolkning = rader.filter((d) => d.befolkning != null);
  const serier = ["Kvinnor bland deltagarna", "Kvinnor i befolkningen 20–64 år"];
  const punkter = [
    ...befolkning.map((d) => ({ insatsNamn: d.insatsNamn, serie: serier[1], x: d.befolkning })),
    ...visade.map((d) => ({ insatsNamn: d.insatsNamn, serie: serier[0], x: d.andel }))
  ];
  const smal = width < 560;
  return somBild(
    Plot.plot({
      width,
      height: namn.length * (smal ? 70 : 44) + 70,
      marginLeft: smal ? 8 : 230,
      marginRight: 48,
      marginTop: smal ? 26 : 10,
      ariaLabel: alt,
      x: { domain: [0, 1], tickFormat: (d: number) => formatProcent(d, 0), label: "Andel kvinnor", grid: true, labelArrow: "none" },
      y: { domain: namn, axis: null, padding: smal ? 0.5 : 0.3 },
      color: { domain: serier, range: [KONSFARGER[1], KONSFARGER[0]] },
      symbol: { domain: serier, range: ["circle", "diamond"], legend: true },
      marks: [
        Plot.ruleX([0.5], { stroke: "#9aa0a6", strokeDasharray: "3,3" }),
        smal
          ? Plot.text(namn, {
              y: (d) => d,
              text: (d) => d,
              frameAnchor: "left",
              textAnchor: "start",
              dy: -20,
              fontSize: 12,
              fontWeight: 600,
              fill: "currentColor",
              stroke: "var(--theme-background-alt)",
              strokeWidth: 3
            })
          : Plot.axisY({ label: null, tickSize: 0, fontSize: 12 }),
        Plot.dot(punkter, {
          x: "x",
          y: "insatsNamn",
          symbol: "serie",
          fill: "serie",
          r: 6,
          title: (d) => `${d.insatsNamn}\n${d.serie}: ${formatProcent(d.x, 0)}`,
          tip: true
        }),
        Plot.text(visade, {
          x: (d: AndelKvinnor) => Math.max(d.andel!, d.befolkning ?? 0),
          y: "insatsNamn",
          text: (d) => formatProcent(d.andel, 0),
          textAnchor: "start",
          dx: 10,
          fontSize: 11,
          fill: "currentColor"
        }),
        Plot.text(dolda, {
          y: "insatsNamn",
          frameAnchor: "left",
          textAnchor: "start",
          dx: 4,
          text: () => `${DOLT} visas inte`,
          fontSize: 11,
          fill: "currentColor",
          title: () => DOLT_KORT
        }),
        Plot.text(saknade, { y: "insatsNamn", frameAnchor: "left", textAnchor: "start", dx: 4, text: () => "– inget underlag", fontSize: 11, fill: "currentColor" })
      ]
    }),
    alt
  );
}
