// Små DOM-hjälpare så att sidorna inte behöver htl (Frameworks inbyggda `html`
// hämtas annars från ett CDN).

/**
 * Skapar ett element. Attribut med värdet null/undefined/false hoppas över;
 * barn kan vara noder, text, tal eller (nästlade) listor av sådana.
 * @param {string} tagg
 * @param {Record<string, unknown> | null} [attribut]
 * @param {...unknown} barn
 * @returns {HTMLElement}
 */
export function el(tagg, attribut, ...barn) {
  const e = document.createElement(tagg);
  for (const [namn, varde] of Object.entries(attribut ?? {})) {
    if (varde == null || varde === false) continue;
    if (namn === "class") e.className = String(varde);
    else e.setAttribute(namn, varde === true ? "" : String(varde));
  }
  lagTill(e, barn);
  return e;
}

function lagTill(e, barn) {
  for (const b of barn) {
    if (b == null || b === false) continue;
    if (Array.isArray(b)) lagTill(e, b);
    else if (b instanceof Node) e.append(b);
    else e.append(String(b));
  }
}

let raknare = 0;
/**
 * Ett id som är unikt på sidan.
 * @param {string} prefix
 */
export function unikId(prefix) {
  return `${prefix}-${++raknare}`;
}

/**
 * @typedef {object} Kolumn
 * @property {string} rubrik
 * @property {(d: any) => unknown} varde text (eller nod) för cellen
 * @property {boolean} [tal] högerställd sifferkolumn
 * @property {boolean} [radrubrik] cellen är radens rubrik (th scope="row")
 * @property {(d: any) => string | null} [klass] extra klass för cellen
 */

/**
 * En tillgänglig tabell med bildtext, kolumnrubriker och radrubriker.
 * @param {{bildtext: string, kolumner: Kolumn[], rader: any[], radklass?: (d: any) => string | null, dold?: boolean}} alternativ
 * @returns {HTMLTableElement}
 */
export function tabell({ bildtext, kolumner, rader, radklass }) {
  return /** @type {HTMLTableElement} */ (
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
    )
  );
}

/**
 * Tabellvyn under ett diagram: en hopfälld <details> med rubriken "Visa som tabell".
 * @param {HTMLElement} innehall
 * @param {string} [rubrik]
 */
export function visaSomTabell(innehall, rubrik = "Visa som tabell") {
  return el("details", { class: "tabellvy" }, el("summary", null, rubrik), rullbar(innehall, "tabellvy-rulla"));
}

/**
 * En rullbar behållare för en bred tabell. Den går att nå med tangentbordet
 * (tabindex) och har tabellens bildtext som namn.
 * @param {HTMLElement} innehall
 * @param {string} [klass]
 */
export function rullbar(innehall, klass = "tabell-rulla") {
  const namn = innehall.querySelector("caption")?.textContent ?? "Tabell";
  return el("div", { class: klass, role: "region", "aria-label": namn, tabindex: 0 }, innehall);
}
