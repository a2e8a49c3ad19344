// Dataladdare för data/insatser_rapporterat.csv (se src/data/utdata.js och docs/utdata.md).
import { skrivUtdatafil } from "./utdata.js";

await skrivUtdatafil("insatser_rapporterat.csv");
