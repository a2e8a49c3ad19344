// Protection of small groups in published tables: see docs/definitioner/skydd.md.
export * from "./model.ts";
export { skydda, OskyddbarFel } from "./monster.ts";
export { primarDolda } from "./primar.ts";
export { angriparkontroll, doldaIntervall, mojligaIntervall, sakertIntervall, laddaLosare, type Intervall } from "./angripare.ts";
export { skyddaNyckeltal, type NyckeltalSkydd, type Skyddsunderlag } from "./nyckeltal.ts";
export { andelensDelar, brusaNyckeltal, brusadeAntal, brusatMedel } from "./brus.ts";
export { undertryckNyckeltal, halvarspublicering, deltagarpublicering } from "./undertryckning.ts";
export { byggPtabell, slaUpp, fordelning, type Ptabell, type PtabellRad } from "./ptabell.ts";
export { cellnyckel, nyckelsumma } from "./cellnyckel.ts";
export * from "./parametrar.ts";
export * from "./rader.ts";
export { kontrolleraPublicerat, type PubliceratKontroll } from "./publicerat.ts";
