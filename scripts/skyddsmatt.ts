// Skyddets mål mätta på en datakatalog (standard data/exempel), som i issue 11:
// - hur stor del av delårsbokslutets Tabell 1-4 (kön alla, de fyra senaste tolvmånaders-
//   perioderna, varje insats och förbundet totalt) som inte visas,
// - medelavvikelsen |publicerat − sant| för alla publicerade antal,
// - hur många andelar med en nämnare på minst 20 som ligger mer än 5 procentenheter fel,
// för båda skyddsmetoderna, med nyckeln i FINSAM_NYCKEL (eller ~/.config/finsam-analys/nyckel),
// och för bruset också över många slumpade nycklar (hur ofta målen nås, inte bara med en nyckel).
//
//   npx tsx scripts/skyddsmatt.ts [datakatalog] [--nycklar 200]
//
// Med --angrepp upprepas i stället angreppet ur issue 11 (test/helpers/angrepp.ts) på genererade
// filer av issuens former, större än enhetstestets: värden som stämmer med en periods publicerade
// deltagartabell söks närmast de sanna först (för varje dolt antal och värde), undertryckningen
// körs om på varje, och de som ger samma publicering behålls (angripRiktat). För varje dolt antal
// skrivs spannet angriparen får ("minst" när spannet bara är visat så brett); inget får underkännas.
//
//   npx tsx scripts/skyddsmatt.ts --angrepp [fallets namn, t.ex. "ett nytt team"]
//
// Med --genererad mäts målen i stället på en genererad fil av en annan form än exempeldatans
// (som de dolda deltagarfilerna i issue 11: sex team från 4 till 70 deltagare på tre år, några
// utan kön, ett team som börjar sent).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beraknaHalvar, beraknaInsatsunderlag, fonster } from "../loaders/compute/nyckeltal.ts";
import { readDeltagare, type Deltagande } from "../loaders/normalise/deltagare.ts";
import { idag, parseDatum, type Datum } from "../loaders/normalise/datum.ts";
import { hamtaNyckel } from "../loaders/reference/nyckel.ts";
import { recognise } from "../loaders/validate/recognise.ts";
import { Findings } from "../loaders/validate/findings.ts";
import { oskyddadeNyckeltal, skyddaNyckeltal, STANDARD_BRUS, type NyckeltalRad } from "../loaders/protect/index.ts";
import { insatsmatt, type Insatsmatt } from "../test/helpers/skyddsmatt.ts";
import { angripRiktat, fonstrensVarden, riktatSaker } from "../test/helpers/angrepp.ts";
import { exportdag, generera, type Rad } from "../test/protect/deltagarfil.ts";
import { laddaLosare } from "../loaders/protect/index.ts";

const args = process.argv.slice(2);
if (args.includes("--angrepp")) {
  await angrepp();
  process.exit(0);
}
const katalog = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? "data/exempel";
const antalNycklar = Number(args[args.indexOf("--nycklar") + 1] ?? 200) || 200;

const nyckel = hamtaNyckel();
const genererad = args.includes("--genererad");
const deltaganden: (Deltagande & { forbund: string })[] = genererad ? genereradFil() : [];
for (const namn of genererad ? [] : readdirSync(katalog).sort()) {
  const fil = join(katalog, namn);
  const bytes = readFileSync(fil);
  const f = new Findings();
  if (!namn.endsWith(".csv") || recognise(bytes, fil, f).kind !== "deltagare") continue;
  for (const d of readDeltagare(bytes, fil, () => nyckel, f) ?? []) deltaganden.push({ ...d, forbund: d.forbund ?? "" });
}
if (deltaganden.length === 0) throw new Error(`inga deltagaruppgifter i ${katalog}`);
// The export date as the pipeline takes it: the settings' exportdatum, else FINSAM_IDAG, else today.
const exportdatum = genererad ? exportdag(deltaganden) : installtExportdatum(katalog) ?? parseDatum(process.env.FINSAM_IDAG ?? "") ?? idag();
console.log(genererad ? `genererad fil: ${deltaganden.length} deltaganden i ${new Set(deltaganden.map((d) => d.insats)).size} team, exportdag ${exportdatum}` : `${katalog}: ${deltaganden.length} deltaganden, exportdag ${exportdatum}`);
const fonsterLista = fonster(deltaganden, exportdatum);
const tabellfonster = fonsterLista.slice(-4).map((w) => w.fran);
const sanna = oskyddadeNyckeltal(beraknaInsatsunderlag(deltaganden, { exportdatum }).underlag);
await laddaLosare();

const visa = (namn: string, m: Insatsmatt, rader: readonly NyckeltalRad[]) => {
  const dolda = rader.filter((r) => r.undertryckt).length;
  console.log(`${namn}:`);
  console.log(`  Tabell 1-4: ${m.tabellDolda} av ${m.tabellCeller} celler visas inte (${((100 * m.tabellDolda) / m.tabellCeller).toFixed(1)} %)`);
  console.log(`  alla rader: ${dolda} av ${rader.length} dolda (${((100 * dolda) / rader.length).toFixed(1)} %)`);
  console.log(`  medel |publicerat − sant| för antal: ${m.medelAvvikelse.toFixed(3)} (${m.antalJamforda} antal), i Tabell 1-4 ${m.medelAvvikelseTabell.toFixed(3)}`);
  console.log(`  andelar med nämnare >= 20: ${m.andelar}, mer än 5 procentenheter fel eller dolda: ${m.andelarUtanfor}, största avvikelse ${(100 * m.storstaAndelsavvikelse).toFixed(2)} procentenheter`);
};

const brus = skyddaNyckeltal({ underlag: beraknaInsatsunderlag(deltaganden, { exportdatum, postnyckel: nyckel.postnyckel }).underlag }, { metod: "brus", k: 5, brus: STANDARD_BRUS });
visa(`brus (standard), nyckeln ${nyckel.sokvag}`, insatsmatt(sanna, brus, tabellfonster), brus);

const t0 = performance.now();
const { underlag, okandKon } = beraknaInsatsunderlag(deltaganden, { exportdatum });
const undertryckt = skyddaNyckeltal({ underlag, okandKon, halvar: beraknaHalvar(deltaganden, { exportdatum }) }, { metod: "undertryckning", k: 5 });
visa(`undertryckning (${((performance.now() - t0) / 1000).toFixed(1)} s)`, insatsmatt(sanna, undertryckt, tabellfonster), undertryckt);

// Bruset med många slumpade nycklar: samma data, andra postnycklar. Målen får inte bero på
// nyckeln, så fördelningen redovisas: största och medel av andelen dolda, medelavvikelsen och
// största andelsavvikelsen över nycklarna.
const dolda: number[] = [];
const avvikelser: number[] = [];
const andelsavvikelser: number[] = [];
let dold = 0;
let avvikelse = 0;
let andelarOk = 0;
let allt = 0;
for (let n = 0; n < antalNycklar; n++) {
  const rader = skyddaNyckeltal({ underlag: beraknaInsatsunderlag(deltaganden, { exportdatum, postnyckel: slumpnyckel() }).underlag }, { metod: "brus", k: 5, brus: STANDARD_BRUS });
  const m = insatsmatt(sanna, rader, tabellfonster);
  const dOk = m.tabellDolda / m.tabellCeller <= 0.05;
  const aOk = m.andelarUtanfor === 0;
  dolda.push(m.tabellDolda / m.tabellCeller);
  avvikelser.push(m.medelAvvikelse);
  andelsavvikelser.push(m.storstaAndelsavvikelse);
  if (dOk) dold++;
  if (aOk) andelarOk++;
  if (m.medelAvvikelse <= 1.5) avvikelse++;
  if (dOk && aOk && m.medelAvvikelse <= 1.5) allt++;
}
const medel = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
console.log(`brus med ${antalNycklar} slumpade nycklar:`);
console.log(`  Tabell 1-4 dolda: minst ${pct(Math.min(...dolda))}, medel ${pct(medel(dolda))}, högst ${pct(Math.max(...dolda))}; högst 5 % med ${dold} av ${antalNycklar} nycklar`);
console.log(`  medel |publicerat − sant|: medel ${medel(avvikelser).toFixed(3)}, högst ${Math.max(...avvikelser).toFixed(3)}; högst 1,5 med ${avvikelse} av ${antalNycklar}`);
console.log(`  andelar (nämnare >= 20): största avvikelse ${(100 * Math.max(...andelsavvikelser)).toFixed(2)} procentenheter; alla inom 5 med ${andelarOk} av ${antalNycklar}`);
console.log(`  alla tre målen: ${allt} av ${antalNycklar}`);

/** Postnycklar från en ny slumpad nyckel (en tillfällig fil som tas bort direkt). */
function slumpnyckel(): (enhet: string) => Uint32Array {
  const fil = join(process.env.TMPDIR ?? "/tmp", `finsam-skyddsmatt-${process.pid}`);
  writeFileSync(fil, randomBytes(32).toString("hex") + "\n", { mode: 0o600 });
  try {
    return hamtaNyckel({ FINSAM_NYCKEL: fil }).postnyckel;
  } finally {
    rmSync(fil, { force: true });
  }
}

/** Angreppet ur issue 11 på genererade filer (se början av filen). */
async function angrepp(): Promise<void> {
  await laddaLosare();
  const utanKon = (): Rad => ({ ...generera({ team: ["A"], personer: 1, fro: 60 })[0]!, person: "UTAN", kon: undefined, start: "2022-03-01" as Rad["start"], slut: undefined, orsak: undefined });
  const nyttTeam = [...generera({ team: ["A", "B"], personer: 12, fro: 8 }), ...generera({ team: ["Ny"], personer: 2, fro: 9, startMellan: [500, 560] })];
  const storreNytt = [...generera({ team: ["A", "B"], personer: 20, fro: 12 }), ...generera({ team: ["Ny"], personer: 3, fro: 13, startMellan: [500, 560] })];
  const FALL: [string, Rad[], string][] = [
    ["ett team med tre deltagare", generera({ team: ["Trio"], personer: 3, fro: 3 }), "2022-07"],
    ["ett team, en deltagare utan kön", [...generera({ team: ["A"], personer: 6, fro: 6 }), utanKon()], "2022-07"],
    ["två små team och en deltagare utan kön", [...generera({ team: ["A", "B"], personer: 12, fro: 6 }), utanKon()], "2022-07"],
    ["två små team (14 deltagare), 2022-07", generera({ team: ["A", "B"], personer: 14, fro: 5 }), "2022-07"],
    ["två små team (14 deltagare), 2023-01", generera({ team: ["A", "B"], personer: 14, fro: 5 }), "2023-01"],
    ["tre team: två små och ett nytt med två deltagare, 2023-07", nyttTeam, "2023-07"],
    ["tre team: två små och ett nytt med en deltagare, 2022-07", nyttTeam, "2022-07"],
    ["tre team: två små och ett nytt utan deltagare än (strukturella nollor), 2022-01", nyttTeam, "2022-01"],
    ["tre team: två med 20 deltagare och ett nytt med tre, 2023-01", storreNytt, "2023-01"],
    ["tre team: två med 20 deltagare och ett nytt utan deltagare än, 2022-01", storreNytt, "2022-01"],
  ];
  let underkanda = 0;
  // `--angrepp tre` attacks only the cases whose name starts with the given words.
  const urval = args.filter((a) => !a.startsWith("--")).join(" ");
  for (const [namn, fil, fran] of FALL) {
    if (urval && !namn.startsWith(urval)) continue;
    const t0 = performance.now();
    const { fonster, varden } = fonstrensVarden(fil, fran);
    const r = angripRiktat(fonster, varden, { budget: 2000 });
    const fel = r.dolda.filter((d) => !riktatSaker(d));
    underkanda += fel.length + (r.sanningenBehallen ? 0 : 1);
    console.log(`${namn} (${fran}, ${((performance.now() - t0) / 1000).toFixed(1)} s): ${r.dolda.length} dolda, ${r.sedda} värdemängder sedda, ${r.provade} omskyddade, ${r.behallna} behållna${r.sanningenBehallen ? "" : ", DE SANNA VÄRDENA BEHÖLLS INTE"}`);
    for (const d of r.dolda) console.log(`  ${d.dold.slice("deltagare|".length)} = ${d.varde}: angriparen får ${d.exakt ? "" : "minst "}${d.min}–${d.max}${riktatSaker(d) ? "" : " UNDERKÄNT"}`);
  }
  console.log(underkanda === 0 ? "inget dolt antal kunde snävas in mer än kontrollen tillåter" : `${underkanda} underkända`);
}

/** `finsam.exportdatum` of the folder's settings file, if it states one. */
function installtExportdatum(dir: string): Datum | undefined {
  for (const namn of readdirSync(dir).sort()) {
    if (!namn.endsWith(".json")) continue;
    try {
      const json = JSON.parse(readFileSync(join(dir, namn), "utf8")) as { finsam?: { exportdatum?: string } };
      if (json.finsam?.exportdatum) return parseDatum(json.finsam.exportdatum);
    } catch {
      // not the settings
    }
  }
  return undefined;
}

/** A file of another shape than the example's: six teams of very different sizes, a late team, some without kön. */
function genereradFil(): Rad[] {
  return [
    ...generera({ team: ["Stora"], personer: 70, fro: 101, forbund: "annat" }),
    ...generera({ team: ["Mellan A", "Mellan B"], personer: 50, fro: 102, forbund: "annat", utanKon: 0.05 }),
    ...generera({ team: ["Liten"], personer: 9, fro: 103, forbund: "annat" }),
    ...generera({ team: ["Pyttelitet"], personer: 4, fro: 104, forbund: "annat" }),
    ...generera({ team: ["Nytt"], personer: 12, fro: 105, forbund: "annat", startMellan: [700, 1000] }),
  ];
}
