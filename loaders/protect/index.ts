// Protection of small groups in published tables: see docs/definitioner/skydd.md.
export * from "./model.ts";
export { skydda } from "./sekundar.ts";
export { primarDolda } from "./primar.ts";
export { angriparkontroll, mojligaIntervall, type Intervall } from "./angripare.ts";
export {
  skyddaNyckeltal,
  oskyddadeNyckeltal,
  byggPubliceringar,
  nyckel,
  KON,
  MATT,
  STORHETER,
  TOTALT,
  type Kon,
  type Matt,
  type NyckeltalRad,
  type NyckeltalSkydd,
  type PeriodPublicering,
  type Storhet,
  type Underlag,
} from "./nyckeltal.ts";
export { kontrolleraPublicerat, type PubliceratKontroll } from "./publicerat.ts";
