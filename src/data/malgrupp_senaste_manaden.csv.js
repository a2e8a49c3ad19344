// Dataladdare för data/malgrupp_senaste_manaden.csv: raderna i malgrupp.csv för den senaste
// månaden (se src/data/utdrag.js och docs/webbplatsen.md, "Anteckningarnas utdrag").
import { skrivUtdrag } from "./utdata.js";

await skrivUtdrag("malgrupp_senaste_manaden.csv");
