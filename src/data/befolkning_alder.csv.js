// Dataladdare för data/befolkning_alder.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("befolkning_alder.csv");
