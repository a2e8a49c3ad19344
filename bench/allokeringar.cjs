/**
 * Vilka funktioner som skapar mest skräp i huvudtråden: V8:s samplande heapprofil, med också de
 * objekt som skräpsamlingen redan tagit (`node --heap-prof` visar bara dem som lever vid slutet).
 * Laddas före kommandot:
 *
 *   node --require ./bench/allokeringar.cjs bin/finsam.js run <katalog> --out <ut>
 *
 * Skriver de 15 funktioner som allokerat mest (egen allokering, i MB) till stderr när processen
 * avslutas, och hela profilen till FINSAM_ALLOKERINGAR om den variabeln är satt (öppnas i Chrome
 * DevTools, Memory). En funktion som allokerar per rad eller cell syns här: på den nationella
 * filen var cellslingans 48 MB ett kontextobjekt per cell (docs/prestanda.md).
 */
const inspector = require("node:inspector");
const { writeFileSync } = require("node:fs");

const session = new inspector.Session();
session.connect();
session.post("HeapProfiler.enable");
session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });

process.on("exit", () => {
  session.post("HeapProfiler.stopSampling", (fel, svar) => {
    if (fel) {
      process.stderr.write(`allokeringar: ${fel.message}\n`);
      return;
    }
    const profil = svar.profile;
    if (process.env.FINSAM_ALLOKERINGAR) writeFileSync(process.env.FINSAM_ALLOKERINGAR, JSON.stringify(profil));
    const egen = new Map();
    const besok = (nod) => {
      const { functionName, url, lineNumber } = nod.callFrame;
      const namn = `${functionName || "(anonym)"} ${url.split("/").pop()}:${lineNumber + 1}`;
      egen.set(namn, (egen.get(namn) ?? 0) + nod.selfSize);
      for (const barn of nod.children) besok(barn);
    };
    besok(profil.head);
    const rader = [...egen].sort((a, b) => b[1] - a[1]).slice(0, 15);
    process.stderr.write(`allokeringar (egen, MB):\n${rader.map(([namn, b]) => `${(b / 1e6).toFixed(1).padStart(8)}  ${namn}`).join("\n")}\n`);
  });
});
