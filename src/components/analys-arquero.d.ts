// Typer för arqueros webbläsarbygge (UMD), som analysanteckningarna importerar: paketets
// vanliga ingång (src/index.js) läser filer med node:fs och fungerar inte i webbläsaren
// (se docs/analyser.md). Bygget har samma API som paketet.
declare module "arquero/dist/arquero.js" {
  import * as aq from "arquero";
  export default aq;
}
