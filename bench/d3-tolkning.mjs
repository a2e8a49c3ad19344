// Golvet i `npm run bench`: en egen process som bara läser filen, avkodar den (ISO-8859-1) och
// delar upp den med d3-dsv, som `finsam run` och R-skriptet mäts: hela processen, från start
// av node till avslut. Vanlig JavaScript (ingen tsx), så att golvet är så lågt det kan vara.
//
//   node bench/d3-tolkning.mjs <fil> [avgränsare]
import { readFileSync } from "node:fs";
import { dsvFormat } from "d3-dsv";
import iconv from "iconv-lite";

const [fil, avgransare = ";"] = process.argv.slice(2);
const rader = dsvFormat(avgransare).parseRows(iconv.decode(readFileSync(fil), "latin1"));
process.stdout.write(`${rader.length} rader\n`);
