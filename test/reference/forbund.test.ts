/**
 * Names where ids were expected: a förbund by its id or its name (settings, insats file,
 * participant and reported rows), kommuner by code or name in the membership file, and one
 * spelling per insats.
 */
import { describe, expect, it } from "vitest";
import { forbundsmatchare, knytInsatser, type InsatsRad, type MappadInsats } from "../../loaders/reference/forbund.ts";
import { kommunkod, readDefaultKommuner, readMedlemskap } from "../../loaders/reference/indelning.ts";
import { knytInstallningar, readInstallningar } from "../../loaders/reference/installningar.ts";
import { Findings } from "../../loaders/validate/findings.ts";

const KOMMUNER = readDefaultKommuner(new Findings())!;
const MEDLEMSKAP = readMedlemskap(
  Buffer.from(
    "forbund,forbund_namn,kommunkod,giltig_fran,giltig_till\n" +
      "falun-borlange,Finsam Falun-Borlänge,2080,2023-01,\nfalun-borlange,Finsam Falun-Borlänge,2081,2023-01,\n" +
      "finsam-falun,Finsam Falun,2080,,2022-12\nsodra-dalarna,Södra Dalarnas Samordningsförbund,2084,,\nnedansiljan,Nedansiljans samordningsförbund,2026,,\n",
  ),
  "forbund.csv", KOMMUNER, new Findings(),
)!;
const MATCHARE = forbundsmatchare(MEDLEMSKAP);

const rad = (forbund: string | undefined, insats: string, r = 2): InsatsRad => ({ forbund, insats, fil: "deltagare.csv", rad: r, forbundKolumn: 3, insatsKolumn: 2 });
const mappad = (insats: string, forbund: string, r = 2): MappadInsats => ({ insats, forbund, fil: "insatser.csv", rad: r, insatsKolumn: 1, forbundKolumn: 2 });

function knyt(deltagare: InsatsRad[], mappning: MappadInsats[] = [], utfall: InsatsRad[] = []) {
  const findings = new Findings();
  const r = knytInsatser(deltagare, utfall, mappning, MATCHARE, findings);
  return { ...r, findings };
}

describe("a förbund by its id or its name", () => {
  it("takes the id, the name, and either with other case, spaces and dashes", () => {
    const { deltagare, findings } = knyt([
      rad("sodra-dalarna", "A"), rad("Södra Dalarnas Samordningsförbund", "A", 3), rad("SÖDRA DALARNAS  SAMORDNINGSFÖRBUND", "A", 4),
      rad("sodra dalarna", "A", 5), rad("Finsam Falun – Borlänge", "B", 6), rad("finsam falun", "C", 7),
    ]);
    expect(findings.all).toEqual([]);
    expect(deltagare.map((d) => d.forbund)).toEqual(["sodra-dalarna", "sodra-dalarna", "sodra-dalarna", "sodra-dalarna", "falun-borlange", "finsam-falun"]);
  });

  it("refuses what matches neither, at every line, naming the closest names and the accepted ones", () => {
    const { deltagare, findings } = knyt([rad("Södra Dalarnas", "A"), rad("Södra Dalarnas", "A", 5), rad("sodra-dalarna", "A", 6)]);
    expect(deltagare.map((d) => d.rad)).toEqual([6]);
    expect(findings.errors).toMatchObject([2, 5].map((r) => ({ fil: "deltagare.csv", rad: r, kolumn: 3, falt: "forbund", varde: "Södra Dalarnas", regel: "insats.forbund" })));
    expect(findings.errors[0]!.meddelande).toBe(
      'okänt förbund "Södra Dalarnas"; menade du "sodra-dalarna (Södra Dalarnas Samordningsförbund)"?; förväntat ett förbunds id eller namn ur förbundsindelningen: ' +
        "falun-borlange (Finsam Falun-Borlänge), finsam-falun (Finsam Falun), nedansiljan (Nedansiljans samordningsförbund) och sodra-dalarna (Södra Dalarnas Samordningsförbund)",
    );
  });

  it("at most 25 lines per file and column, then one that says how many more", () => {
    const { findings } = knyt(Array.from({ length: 30 }, (_, i) => rad("okänt", "A", i + 2)));
    expect(findings.errors).toHaveLength(26);
    expect(findings.errors.at(-1)).toMatchObject({ rad: 27, kolumn: 3, meddelande: "ytterligare 5 rader med okänt eller saknat förbund visas inte (den första på den här raden)" });
  });

  it("suggests the förbund whose name differs only in å, ä and ö, but does not take it", () => {
    const { findings } = knyt([rad("Sodra Dalarnas Samordningsforbund", "A")]);
    expect(findings.errors[0]!.meddelande).toContain('menade du "sodra-dalarna (Södra Dalarnas Samordningsförbund)"?');
  });

  it("from the insats file when the row has none, the file naming the förbund by name", () => {
    const { deltagare, utfall, findings } = knyt([rad(undefined, "Team Avesta")], [mappad("Team Avesta", "Södra Dalarnas Samordningsförbund")], [rad("", "team avesta", 9)]);
    expect(findings.errors).toEqual([]);
    expect(deltagare[0]!.forbund).toBe("sodra-dalarna");
    expect(utfall[0]).toMatchObject({ forbund: "sodra-dalarna", insats: "Team Avesta" });
  });

  it("an insats missing from the insats file: an error suggesting the closest insats of the file", () => {
    const { findings } = knyt([rad(undefined, "Team Avsta")], [mappad("Team Avesta", "sodra-dalarna"), mappad("Team Säter", "sodra-dalarna", 3)]);
    expect(findings.errors).toMatchObject([{ rad: 2, kolumn: 2, falt: "insats", regel: "insats.forbund" }]);
    expect(findings.errors[0]!.meddelande).toBe(
      'förbund saknas för insatsen "Team Avsta"; menade du "Team Avesta"?; förväntat kolumnen förbund (ett förbunds id eller namn) eller en insatsfil med kolumnerna insats,forbund (insatsfilen har Team Avesta och Team Säter)',
    );
  });

  it("the insats file: an unknown förbund, and an insats given two förbund (after names are resolved), are errors at their line", () => {
    const { findings } = knyt([], [
      mappad("A", "sodra-dalarna"), mappad("a", "Södra Dalarnas Samordningsförbund", 3), mappad("A", "nedansiljan", 4), mappad("B", "Nedansilja", 5),
    ]);
    expect(findings.errors.map((f) => [f.regel, f.rad, f.kolumn])).toEqual([["insatser.tva_forbund", 4, 2], ["insatser.forbund", 5, 2]]);
    expect(findings.errors[0]!.meddelande).toBe('insatsen "A" hör till två förbund: sodra-dalarna (insatser.csv rad 2) och nedansiljan; förväntat ett förbund per insats');
    expect(findings.errors[1]!.meddelande).toContain('insatsen "B": okänt förbund "Nedansilja"; menade du "nedansiljan (Nedansiljans samordningsförbund)"?');
  });
});

describe("one spelling per insats", () => {
  it("the most common spelling, first seen on a tie, across participant and reported rows; an info names the others", () => {
    const { deltagare, utfall, findings } = knyt(
      [rad("sodra-dalarna", "Samverkansteam Avesta"), rad("sodra-dalarna", "Samverkansteam Avesta", 3), rad("sodra-dalarna", "samverkansteam  avesta", 4)],
      [],
      [rad("sodra-dalarna", "SAMVERKANSTEAM AVESTA", 7)],
    );
    expect([...deltagare, ...utfall].map((d) => d.insats)).toEqual(Array(4).fill("Samverkansteam Avesta"));
    expect(findings.all).toMatchObject([{
      allvar: "info", regel: "insats.stavning", rad: 4, kolumn: 2,
      meddelande: 'insatsen skrivs på flera sätt ("Samverkansteam Avesta" 2 gånger, "samverkansteam  avesta" 1 gång, "SAMVERKANSTEAM AVESTA" 1 gång); alla räknas som "Samverkansteam Avesta"',
    }]);
  });

  it("the insats file's spelling when it has one; the same name in two förbund stays two insatser", () => {
    const { deltagare } = knyt(
      [rad("sodra-dalarna", "team a"), rad("sodra-dalarna", "team a", 3), rad("nedansiljan", "team a", 4)],
      [mappad("Team A", "sodra-dalarna")],
    );
    expect(deltagare.map((d) => [d.forbund, d.insats])).toEqual([["sodra-dalarna", "Team A"], ["sodra-dalarna", "Team A"], ["nedansiljan", "team a"]]);
  });
});

describe("settings name a förbund by id or name", () => {
  it("the name is taken as the id, an unknown one is an error at its place with suggestions", () => {
    const text = '{"finsam": {"forbund": {\n  "Finsam Falun-Borlänge": {"tidiga_avhopp_i_namnaren": true},\n  "sodra-dalarnna": {}}}}\n';
    const findings = new Findings();
    const inst = knytInstallningar(readInstallningar(text, "finsam.json", findings)!, MATCHARE, findings);
    expect([...inst.tidigaAvhoppINamnaren]).toEqual(["falun-borlange"]);
    expect(findings.errors).toMatchObject([{ rad: 3, kolumn: 3, regel: "installningar.forbund", varde: "sodra-dalarnna" }]);
    expect(findings.errors[0]!.meddelande).toContain('okänt förbund "sodra-dalarnna"; menade du "sodra-dalarna (Södra Dalarnas Samordningsförbund)"?');
  });
});

describe("kommuner where codes are expected (the membership file)", () => {
  it("takes the code, the name, or both", () => {
    for (const text of ["2080", "Falun", "falun", "2080 Falun", "2080 - Falun", "2080–Falun"]) expect(kommunkod(text, KOMMUNER), text).toEqual({ typ: "kod", kod: "2080" });
    expect(kommunkod("Malung Sälen", KOMMUNER)).toEqual({ typ: "kod", kod: "2023" });
  });

  it("restores a leading zero Excel stripped, when exactly one kommun fits", () => {
    expect(kommunkod("180", KOMMUNER)).toEqual({ typ: "nolla", kod: "0180" });
    expect(kommunkod("114", KOMMUNER)).toEqual({ typ: "nolla", kod: "0114" });
  });

  it("anything else is unknown, with the closest kommuner", () => {
    const k = kommunkod("Faluun", KOMMUNER);
    expect(k).toEqual({ typ: "okand", meddelande: 'okänd kommun "Faluun"; menade du "2080 Falun"?; förväntat en av de 290 kommunkoderna (t.ex. 2080) eller ett kommunnamn (Falun) i data/referens/kommuner.csv' });
    expect(kommunkod("9999", KOMMUNER).typ).toBe("okand");
  });

  it("a membership file written with names and a stripped zero is read, with a warning for the zero", () => {
    const findings = new Findings();
    const m = readMedlemskap(Buffer.from("forbund,forbund_namn,kommunkod,giltig_fran,giltig_till\nett,Ett,Falun,,\nett,Ett,2081 Borlänge,,\ntva,Två,180,,\n"), "forbund.csv", KOMMUNER, findings);
    expect(m!.map((x) => x.kommunkod)).toEqual(["2080", "2081", "0180"]);
    expect(findings.all).toMatchObject([{ allvar: "varning", regel: "referens.kommunkod_utan_nolla", rad: 4, kolumn: 3, meddelande: 'kommunkoden "180" saknar sin inledande nolla (som när Excel sparar koden som ett tal); läses som 0180 Stockholm' }]);
  });
});
