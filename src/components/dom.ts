// Små DOM-hjälpare så att sidorna inte behöver htl (Frameworks inbyggda `html`
// hämtas annars från ett CDN).
import { csvTillXlsx, tabellTillXlsx } from "./excel.js";
import { filnamn, synligText, tabellTillCsv, type Nodlik, type TabellText, type Variant } from "./nedladdning.js";

/** Barn till ett element: noder, text, tal, inget, eller (nästlade) listor av sådana. */
export type Barn = Node | string | number | boolean | null | undefined | readonly Barn[];

/**
 * Skapar ett element. Attribut med värdet null/undefined/false hoppas över;
 * barn kan vara noder, text, tal eller (nästlade) listor av sådana.
 */
export function el(tagg: string, attribut?: Record<string, unknown> | null, ...barn: Barn[]): HTMLElement {
  const e = document.createElement(tagg);
  for (const [namn, varde] of Object.entries(attribut ?? {})) {
    if (varde == null || varde === false) continue;
    if (namn === "class") e.className = String(varde);
    else e.setAttribute(namn, varde === true ? "" : String(varde));
  }
  lagTill(e, barn);
  return e;
}

function lagTill(e: HTMLElement, barn: readonly Barn[]): void {
  for (const b of barn) {
    if (b == null || b === false) continue;
    if (Array.isArray(b)) lagTill(e, b as readonly Barn[]);
    else if (b instanceof Node) e.append(b);
    else e.append(String(b));
  }
}

let raknare = 0;
/**
 * Ett id som är unikt på sidan.
 */
export function unikId(prefix: string): string {
  return `${prefix}-${++raknare}`;
}

export interface Kolumn<T> {
  rubrik: string;
  /** Text (eller nod) för cellen. */
  varde: (d: T) => Barn;
  /** Högerställd sifferkolumn. */
  tal?: boolean;
  /** Cellen är radens rubrik (th scope="row"). */
  radrubrik?: boolean;
  /** Extra klass för cellen. */
  klass?: (d: T) => string | null;
}

/**
 * En tillgänglig tabell med bildtext, kolumnrubriker och radrubriker.
 */
export function tabell<T>({ bildtext, kolumner, rader, radklass }: {
  bildtext: string;
  kolumner: readonly Kolumn<T>[];
  rader: readonly T[];
  radklass?: (d: T) => string | null;
  dold?: boolean;
}): HTMLTableElement {
  return (
    el(
      "table",
      { class: "finsam-tabell" },
      el("caption", null, bildtext),
      el("thead", null, el("tr", null, kolumner.map((k) => el("th", { scope: "col", class: k.tal ? "tal" : null }, k.rubrik)))),
      el(
        "tbody",
        null,
        rader.map((d) =>
          el(
            "tr",
            { class: radklass?.(d) ?? null },
            kolumner.map((k) => {
              const klass = [k.tal ? "tal" : null, k.klass?.(d) ?? null].filter(Boolean).join(" ") || null;
              return k.radrubrik
                ? el("th", { scope: "row", class: klass }, k.varde(d))
                : el("td", { class: klass }, k.varde(d));
            })
          )
        )
      )
    ) as HTMLTableElement
  );
}

/**
 * Tabellvyn under ett diagram: en hopfälld <details> med rubriken "Visa som tabell".
 */
export function visaSomTabell(innehall: HTMLElement, rubrik = "Visa som tabell"): HTMLElement {
  return el("details", { class: "tabellvy" }, el("summary", null, rubrik), rullbar(innehall, "tabellvy-rulla"));
}

/**
 * En rullbar behållare för en bred tabell. Den går att nå med tangentbordet
 * (tabindex) och har tabellens bildtext som namn. Är innehållet en tabell (eller
 * innehåller en) kommer knapparna för nedladdning under den (`nedladdningsknappar`), och
 * behållaren och knapparna ligger då tillsammans i en `div.tabellblock`.
 */
export function rullbar(innehall: HTMLElement, klass = "tabell-rulla"): HTMLElement {
  const namn = innehall.querySelector("caption")?.textContent ?? "Tabell";
  const yta = el("div", { class: klass, role: "region", "aria-label": namn, tabindex: 0 }, innehall);
  const t = innehall instanceof HTMLTableElement ? innehall : innehall.querySelector("table");
  return t ? el("div", { class: "tabellblock" }, yta, nedladdningsknappar(t)) : yta;
}

/**
 * Tabellens celler som text, som de syns (se synligText i nedladdning.js).
 */
export function lasTabell(t: HTMLTableElement): TabellText & { bildtext: string } {
  const text = (n: Node) => synligText(n as unknown as Nodlik);
  const rubrikrad = t.tHead?.rows[t.tHead.rows.length - 1];
  const rader = Array.from(t.tBodies).flatMap((b) => Array.from(b.rows));
  const forsta = rader[0];
  return {
    bildtext: t.caption ? text(t.caption).trim() : "",
    rubriker: rubrikrad ? Array.from(rubrikrad.cells, text) : [],
    rader: rader.map((r) => Array.from(r.cells, text)),
    radrubrik: forsta ? Array.from(forsta.cells).findIndex((c) => c.tagName === "TH" && c.getAttribute("scope") === "row") : -1
  };
}

/**
 * Två knappar under tabellen: "Ladda ned (Excel)" ger en .xlsx (excel.ts: text som text, koder
 * med sina nollor, tal som tal med svenskt format och enheten i rubriken, dolt som markeringen
 * med en fotnot) och "Ladda ned CSV" vanlig CSV för program (nedladdning.ts). Filen byggs när
 * någon klickar, ur tabellens celler som de syns då.
 */
export function nedladdningsknappar(t: HTMLTableElement): HTMLElement {
  const namn = t.caption ? synligText(t.caption as unknown as Nodlik).trim() : "tabellen";
  const knapp = (variant: "xlsx" | Variant, text: string) => {
    const b = el(
      "button",
      { type: "button", class: `nedladdning-${variant}`, "data-variant": variant },
      text,
      el("span", { class: "visuellt-dold" }, `: ${namn}`)
    );
    b.addEventListener("click", () => void laddaNed(t, variant));
    return b;
  };
  laggTillStil();
  return el("div", { class: "tabell-nedladdning" }, knapp("xlsx", "Ladda ned (Excel)"), knapp("standard", "Ladda ned CSV"));
}

/**
 * En hel utdatafil som .xlsx (Översikt, "Ladda ner data"): knappen hämtar CSV-filen (`href`)
 * när någon klickar och gör den till en arbetsbok (excel.ts, csvTillXlsx), på flera blad om
 * den har fler rader än ett Excelblad rymmer. `namn` är CSV-filens namn.
 */
export function helFilXlsxKnapp(href: string, namn: string): HTMLElement {
  const bas = namn.replace(/\.csv$/, "");
  const b = el("button", { type: "button", class: "nedladdning-hel-xlsx", "data-fil": namn }, "Ladda ned (Excel)", el("span", { class: "visuellt-dold" }, `: ${bas}`));
  b.addEventListener("click", async () => {
    b.setAttribute("aria-busy", "true");
    try {
      const svar = await fetch(href);
      if (!svar.ok) throw new Error(`HTTP ${svar.status}`);
      const blob = await csvTillXlsx(await svar.text(), bas);
      const url = URL.createObjectURL(blob);
      const a = el("a", { href: url, download: `${bas}.xlsx`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } finally {
      b.removeAttribute("aria-busy");
    }
  });
  laggTillStil();
  return el("span", { class: "tabell-nedladdning hel-fil" }, b);
}

// Knapparnas stil läggs in här (en gång per sida), så att de ser likadana ut på alla sidor
// utan att varje sida behöver en egen stilmall. Kontrasten är minst 4,5:1.
const STIL = `
.tabell-nedladdning { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; margin: 0.1rem 0 0.9rem 0; }
.tabell-nedladdning.hel-fil { display: inline-flex; margin: 0 0 0 0.5rem; vertical-align: middle; }
.tabell-nedladdning button {
  font: 13px var(--sans-serif); padding: 0.3rem 0.65rem; cursor: pointer;
  color: var(--theme-foreground, #1b1e23); background: var(--theme-background, #fff);
  border: 1px solid #6b7079; border-radius: 4px;
}
.tabell-nedladdning button:hover { background: var(--theme-background-alt, #f4f4f5); }
.tabell-nedladdning button:focus-visible { outline: 2px solid var(--theme-foreground-focus, #1f5fbf); outline-offset: 2px; }
@media print { .tabell-nedladdning { display: none; } }
`;
function laggTillStil(): void {
  if (typeof document === "undefined" || document.getElementById("tabell-nedladdning-stil")) return;
  document.head.append(el("style", { id: "tabell-nedladdning-stil" }, STIL));
}

/**
 * Bygger filen och laddar ned den (en länk till en Blob som klickas och tas bort).
 */
async function laddaNed(t: HTMLTableElement, variant: "xlsx" | Variant): Promise<void> {
  const tabell = lasTabell(t);
  const blob =
    variant === "xlsx"
      ? await tabellTillXlsx(tabell)
      : new Blob([tabellTillCsv(tabell, variant)], { type: "text/csv;charset=utf-8" });
  const namn = variant === "xlsx" ? filnamn(tabell.bildtext, "standard").replace(/\.csv$/, ".xlsx") : filnamn(tabell.bildtext, variant);
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: namn, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
