// @vitest-environment jsdom
/**
 * Utskrift (issue 12): src/components/utskrift.ts delar en för bred tabell i delar med
 * radrubrikerna upprepade, och skriver urvalen som en rad text. (Att tabellerna ryms på A4
 * prövas i Chromium av webbläsarkontrollen; jsdom har ingen layout.)
 */
import { describe, expect, it } from "vitest";
import { UTSKRIFTSBREDD, delaKolumner, delaTabell, urvalSomText } from "../src/components/utskrift.js";

describe("UTSKRIFTSBREDD", () => {
  it("är A4:s bredd minus två marginaler på 12 mm, i CSS-pixlar (96 per tum)", () => {
    // 186 mm / 25,4 mm per tum × 96 = 702,99 … px
    expect(UTSKRIFTSBREDD).toBe(702);
  });
});

describe("delaKolumner", () => {
  it("lägger kolumner i ordning i en grupp så länge de ryms bredvid radrubriken", () => {
    // Radrubrik 100 px, yta 300 px: 100 + 80 + 90 = 270 ryms, + 50 = 320 inte; 100 + 50 + 60
    // = 210 ryms, + 100 = 310 inte; sist 100 + 100.
    expect(delaKolumner([80, 90, 50, 60, 100], 100, 300)).toEqual([[0, 1], [2, 3], [4]]);
  });
  it("ger en grupp när allt ryms", () => {
    expect(delaKolumner([50, 50, 50], 100, 300)).toEqual([[0, 1, 2]]);
  });
  it("ger varje kolumn sin grupp även när en ensam kolumn är för bred", () => {
    expect(delaKolumner([400, 50, 500], 100, 300)).toEqual([[0], [1], [2]]);
  });
  it("ger inga grupper utan kolumner", () => {
    expect(delaKolumner([], 100, 300)).toEqual([]);
  });
});

function tabell(html: string): HTMLTableElement {
  document.body.innerHTML = html;
  return document.querySelector("table")!;
}

const text = (t: HTMLTableElement) => Array.from(t.rows, (r) => Array.from(r.cells, (c) => `${c.textContent}${c.colSpan > 1 ? `*${c.colSpan}` : ""}`).join("|"));

describe("delaTabell", () => {
  it("upprepar radrubriken i varje del och numrerar delarna i bildtexten", () => {
    const t = tabell(`<table><caption>Månader</caption>
      <thead><tr><th>Månad</th><th>A</th><th>B</th><th>C</th></tr></thead>
      <tbody><tr><th scope="row">jan</th><td>1</td><td>2</td><td>3</td></tr>
             <tr><th scope="row">feb</th><td>4</td><td>5</td><td>6</td></tr></tbody></table>`);
    const [d1, d2] = delaTabell(t, 1, [[0, 1], [2]]);
    expect(d1!.caption!.textContent).toBe("Månader (del 1 av 2)");
    expect(text(d1!)).toEqual(["Månad|A|B", "jan|1|2", "feb|4|5"]);
    expect(d2!.caption!.textContent).toBe("Månader (del 2 av 2)");
    expect(text(d2!)).toEqual(["Månad|C", "jan|3", "feb|6"]);
    // Originalet är orört, och delarna är bara för papperet.
    expect(text(t)).toEqual(["Månad|A|B|C", "jan|1|2|3", "feb|4|5|6"]);
    expect(d1!.classList.contains("utskriftsdel")).toBe(true);
  });

  it("kortar en rubrikcell som spänner över kolumner till de kolumner som finns i delen", () => {
    const t = tabell(`<table><caption>Kön</caption>
      <thead><tr><th></th><th colspan="2">Kvinnor</th><th colspan="2">Män</th></tr>
             <tr><th>År</th><th>antal</th><th>andel</th><th>antal</th><th>andel</th></tr></thead>
      <tbody><tr><th scope="row">2024</th><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table>`);
    const [d1, d2] = delaTabell(t, 1, [[0, 1, 2], [3]]);
    expect(text(d1!)).toEqual(["|Kvinnor*2|Män", "År|antal|andel|antal", "2024|1|2|3"]);
    expect(text(d2!)).toEqual(["|Män", "År|andel", "2024|4"]);
  });

  it("upprepar alla radrubrikernas kolumner när de är flera", () => {
    const t = tabell(`<table><thead><tr><th>Län</th><th>Kommun</th><th>X</th><th>Y</th></tr></thead>
      <tbody><tr><th>20</th><th>2080</th><td>1</td><td>2</td></tr></tbody></table>`);
    const delar = delaTabell(t, 2, [[0], [1]]);
    expect(delar.map(text)).toEqual([
      ["Län|Kommun|X", "20|2080|1"],
      ["Län|Kommun|Y", "20|2080|2"]
    ]);
    expect(delar[0]!.caption!.textContent).toBe("Del 1 av 2");
  });
});

describe("urvalSomText", () => {
  it("säger varje urval med sin etikett: listans val, den valda knappen", () => {
    document.body.innerHTML = `<div class="filter">
      <form><label>Region</label><select><option>Riket</option><option selected>Falun (kommun 2080)</option></select></form>
      <form><label>Kön</label><div><label><input type="radio" name="k">Alla</label><label><input type="radio" name="k" checked>Kvinnor</label></div></form>
    </div>`;
    expect(urvalSomText(document.querySelector(".filter")!)).toBe("Urval: Region: Falun (kommun 2080); Kön: Kvinnor.");
  });
  it("ger tom text utan urval", () => {
    document.body.innerHTML = `<div class="filter"></div>`;
    expect(urvalSomText(document.querySelector(".filter")!)).toBe("");
  });
});
