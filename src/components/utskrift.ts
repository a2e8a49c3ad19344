// Utskrift (issue 12): varje sida skrivs ut på A4 utan avklippta tabeller.
//
// Skriptet läggs in i varje sidas <head> (observablehq.config.ts paketerar den här filen med
// esbuild). Vid `beforeprint`:
//  1. `html.utskrift` sätts: stilreglerna för papperet i src/style.css (en tabell per rad,
//     inga rullningslister, sidans bredd som A4:s skrivbara yta) gäller då redan när tabellerna
//     mäts, och under utskriften.
//  2. Tabellvyerna ("Visa som tabell") öppnas, så att siffrorna kommer med på papperet.
//  3. Varje ruta med urval (och varje formulär utanför en ruta) får en rad under sig som säger urvalet i ord ("Urval: Region:
//     Falun-Borlänge; Kön: Kvinnor"); själva urvalen skrivs inte ut.
//  4. En tabell som är bredare än ytan krymps (högst till SKALA_MIN) eller, om den är ännu
//     bredare, delas i delar med några kolumner var och radrubrikerna upprepade i varje del.
// Vid `afterprint` återställs allt.

/** A4:s skrivbara bredd i CSS-pixlar: 210 mm − 2 × 12 mm marginal (@page i style.css), 96 px per tum. */
export const UTSKRIFTSBREDD = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/** Minsta förminskning av en tabell innan den delas i stället (text under ~ 9 px blir svår att läsa). */
export const SKALA_MIN = 0.8;

/**
 * Delar kolumnerna (bredder i px, i ordning) i grupper som var och en ryms på `tillganglig` px
 * bredvid radrubrikerna (`radrubrik` px). Varje grupp har minst en kolumn; ger kolumnernas index.
 */
export function delaKolumner(bredder: readonly number[], radrubrik: number, tillganglig: number): number[][] {
  const grupper: number[][] = [];
  let grupp: number[] = [];
  let bredd = radrubrik;
  bredder.forEach((b, i) => {
    if (grupp.length > 0 && bredd + b > tillganglig) {
      grupper.push(grupp);
      grupp = [];
      bredd = radrubrik;
    }
    grupp.push(i);
    bredd += b;
  });
  if (grupp.length > 0) grupper.push(grupp);
  return grupper;
}

/**
 * Urvalet i ord: "Region: Falun-Borlänge (förbund); Kön: Kvinnor". Varje formulär i rutan ger
 * sin etikett och det valda (listans valda alternativ, den ikryssade knappen eller rutorna).
 */
export function urvalSomText(ruta: Element): string {
  const delar: string[] = [];
  for (const form of ruta.matches("form") ? [ruta] : Array.from(ruta.querySelectorAll("form"))) {
    const etikett = (form.querySelector(":scope > label")?.textContent ?? "").trim();
    let valt: string[] = [];
    const select = form.querySelector("select");
    if (select) valt = Array.from(select.selectedOptions, (o) => (o.textContent ?? "").trim());
    else {
      for (const input of Array.from(form.querySelectorAll<HTMLInputElement>("input"))) {
        if ((input.type === "radio" || input.type === "checkbox") && input.checked) valt.push((input.closest("label")?.textContent ?? input.value).trim());
        else if (input.type !== "radio" && input.type !== "checkbox" && input.value) valt.push(input.value);
      }
    }
    if (etikett || valt.length) delar.push(`${etikett ? `${etikett}: ` : ""}${valt.join(", ") || "inget valt"}`);
  }
  return delar.length ? `Urval: ${delar.join("; ")}.` : "";
}

/** Kolumnernas index (0 …) som varje cell i raderna täcker, med colspan. */
function kolumnerFor(rad: HTMLTableRowElement): number[][] {
  let k = 0;
  return Array.from(rad.cells, (c) => {
    const n = Math.max(1, c.colSpan || 1);
    const ut = Array.from({ length: n }, (_, i) => k + i);
    k += n;
    return ut;
  });
}

/**
 * Tabellens delar för papperet: en kopia per grupp av kolumner, med radrubrikernas kolumner
 * (`radrubriker` st. först) i varje del och bildtexten "(del i av n)". Rubrikceller som täcker
 * flera kolumner får colspan efter hur många av dem som finns i delen.
 */
export function delaTabell(t: HTMLTableElement, radrubriker: number, grupper: readonly number[][]): HTMLTableElement[] {
  const rubrikkolumner = Array.from({ length: radrubriker }, (_, i) => i);
  return grupper.map((grupp, d) => {
    const behall = new Set([...rubrikkolumner, ...grupp.map((i) => i + radrubriker)]);
    const kopia = t.cloneNode(true) as HTMLTableElement;
    kopia.removeAttribute("id");
    for (const rad of Array.from(kopia.rows)) {
      const kolumner = kolumnerFor(rad);
      Array.from(rad.cells).forEach((cell, i) => {
        const inne = kolumner[i]!.filter((k) => behall.has(k)).length;
        if (inne === 0) cell.remove();
        else if (cell.colSpan > 1) cell.colSpan = inne;
      });
    }
    for (const c of Array.from(kopia.querySelectorAll("colgroup"))) c.remove();
    if (kopia.caption) kopia.caption.append(` (del ${d + 1} av ${grupper.length})`);
    else kopia.createCaption().textContent = `Del ${d + 1} av ${grupper.length}`;
    kopia.classList.add("utskriftsdel");
    kopia.setAttribute("aria-hidden", "true");
    return kopia;
  });
}

/** Antal kolumner först i tabellen som är radrubriker (th i varje rad i tabellkroppen), minst 1. */
function antalRadrubriker(t: HTMLTableElement): number {
  const rader = Array.from(t.tBodies).flatMap((b) => Array.from(b.rows));
  let n = 0;
  while (rader.length && rader.every((r) => r.cells[n]?.tagName === "TH")) n++;
  return Math.max(1, n);
}

/** Sant om en cell i tabellkroppen spänner över flera rader eller kolumner (delas då inte). */
function harSammanslagnaCeller(t: HTMLTableElement): boolean {
  return Array.from(t.tBodies).some((b) => Array.from(b.rows).some((r) => Array.from(r.cells).some((c) => c.colSpan > 1 || c.rowSpan > 1)));
}

interface Atgard {
  aterstall: () => void;
}

/** Innehållsbredden (utan utfyllnad) hos elementet som tabellen (eller dess rullbara behållare) ligger i. */
function platsFor(e: HTMLElement): number {
  const foralder = e.parentElement;
  if (!foralder) return Infinity;
  const cs = getComputedStyle(foralder);
  return foralder.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
}

/** Krymper eller delar en tabell som är bredare än den skrivbara ytan (eller kortet den står i). */
function anpassaTabell(t: HTMLTableElement, yta: number): Atgard | null {
  const ankare = (t.closest(".tabell-rulla, .tabellvy-rulla") as HTMLElement | null) ?? t;
  const tillganglig = Math.min(yta, platsFor(ankare));
  const bredd = t.getBoundingClientRect().width;
  if (bredd <= tillganglig + 0.5) return null;
  const skala = tillganglig / bredd;
  const krymp = (e: HTMLElement, s: number): Atgard => {
    const forut = e.style.zoom;
    e.style.zoom = String(Math.floor(s * 1000) / 1000);
    return { aterstall: () => void (e.style.zoom = forut) };
  };
  if (skala >= SKALA_MIN || harSammanslagnaCeller(t)) return krymp(t, skala);
  const radrubriker = antalRadrubriker(t);
  const mattrad = t.tBodies[0]?.rows[0] ?? t.rows[t.rows.length - 1];
  if (!mattrad) return krymp(t, skala);
  const bredder = Array.from(mattrad.cells, (c) => c.getBoundingClientRect().width);
  const radrubrik = bredder.slice(0, radrubriker).reduce((s, b) => s + b, 0);
  const grupper = delaKolumner(bredder.slice(radrubriker), radrubrik, tillganglig);
  const delar = delaTabell(t, radrubriker, grupper);
  ankare.classList.add("utskrift-ersatt");
  ankare.after(...delar);
  // En del som ändå är för bred (en mycket bred kolumn) krymps.
  const krympta = delar.flatMap((d) => {
    const b = d.getBoundingClientRect().width;
    return b > tillganglig + 0.5 ? [krymp(d, tillganglig / b)] : [];
  });
  return {
    aterstall: () => {
      for (const k of krympta) k.aterstall();
      for (const d of delar) d.remove();
      ankare.classList.remove("utskrift-ersatt");
    }
  };
}

let aktiva: Atgard[] | null = null;

/** Förbereder sidan för papperet (se överst). Gör inget om den redan är förberedd. */
export function forberedUtskrift(doc: Document = document): void {
  if (aktiva) return;
  const atgarder: Atgard[] = [];
  aktiva = atgarder;
  const html = doc.documentElement;
  html.classList.add("utskrift");
  atgarder.push({ aterstall: () => html.classList.remove("utskrift") });

  for (const d of Array.from(doc.querySelectorAll("details:not([open])"))) {
    (d as HTMLDetailsElement).open = true;
    atgarder.push({ aterstall: () => void ((d as HTMLDetailsElement).open = false) });
  }

  for (const ruta of Array.from(doc.querySelectorAll("main .filter"))) {
    const text = urvalSomText(ruta);
    if (!text) continue;
    const rad = doc.createElement("p");
    rad.className = "urval-utskrift";
    rad.textContent = text;
    ruta.after(rad);
    atgarder.push({ aterstall: () => rad.remove() });
  }

  // Urval utanför en urvalsruta (anteckningarnas egna): en rad under varje formulär.
  for (const form of Array.from(doc.querySelectorAll("main form"))) {
    if (form.closest(".filter") || !form.querySelector("select, input")) continue;
    const text = urvalSomText(form);
    form.classList.add("utskrift-dold");
    const rad = doc.createElement("p");
    rad.className = "urval-utskrift";
    rad.textContent = text || "Urval: inget valt.";
    form.after(rad);
    atgarder.push({ aterstall: () => (rad.remove(), form.classList.remove("utskrift-dold")) });
  }

  const main = doc.querySelector("main");
  const tillganglig = Math.min(UTSKRIFTSBREDD, main?.getBoundingClientRect().width || UTSKRIFTSBREDD);
  for (const t of Array.from(doc.querySelectorAll<HTMLTableElement>("main table"))) {
    if (t.closest(".utskriftsdel") || t.getClientRects().length === 0) continue;
    const a = anpassaTabell(t, tillganglig);
    if (a) atgarder.push(a);
  }
}

/** Återställer sidan efter utskriften. */
export function aterstallEfterUtskrift(): void {
  const atgarder = aktiva;
  aktiva = null;
  for (const a of (atgarder ?? []).reverse()) a.aterstall();
}

if (typeof window !== "undefined" && typeof window.addEventListener === "function" && !(window as { __finsamUtskrift?: boolean }).__finsamUtskrift) {
  (window as { __finsamUtskrift?: boolean }).__finsamUtskrift = true;
  window.addEventListener("beforeprint", () => forberedUtskrift());
  window.addEventListener("afterprint", () => aterstallEfterUtskrift());
}
