// Konfiguration för Observable Framework. Webbplatsen byggs med `npm run build`
// (scripts/bygg.ts), som sätter FINSAM_BUILD_OUT till en tillfällig katalog.
import { forbundssidor, regionfiler, sidodataI } from "./loaders/publish/sidor/katalog.ts";
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";

const footer =
  "Källa: SCB, Helårsekvivalenter (HE0000T02N2), Befolkningens arbetsmarknadsstatus (BAS, AM0210), " +
  "Befolkningsstatistik (BE0101) och Försörjningsmått (SCB:s beställning för Finsam). All statistik på webbplatsen är offentlig och aggregerad. " +
  "Byggd med Finsam-analys.";

// En favoritikon i sidan själv, så att webbläsaren inte frågar efter /favicon.ico.
const ikon =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4e8c"/>' +
      '<path d="M4 12V4h7M4 8h5" stroke="#fff" stroke-width="2" fill="none"/></svg>'
  );

// Vid utskrift: tabellvyerna öppnas, urvalen blir en rad text och breda tabeller krymps eller
// delas (src/components/utskrift.ts, paketerad här till ett skript i <head>; src/style.css har
// utskriftsreglerna).
const utskrift =
  "<script>" +
  buildSync({ entryPoints: [fileURLToPath(new URL("./src/components/utskrift.ts", import.meta.url))], bundle: true, format: "iife", minify: true, write: false, target: "es2020" })
    .outputFiles[0]!.text.trim() +
  "</script>";

// En länk förbi sidofältet till innehållet, först på varje sida (syns när den får fokus; stilen i
// src/style.css). Framework har ingen egen, så ett litet skript lägger den först i <body>.
const hoppaTillInnehall =
  "<script>" +
  'addEventListener("DOMContentLoaded",()=>{const m=document.getElementById("observablehq-main");if(!m)return;m.tabIndex=-1;' +
  'const a=document.createElement("a");a.href="#observablehq-main";a.className="hoppa-till-innehall";a.textContent="Hoppa till innehållet";' +
  'a.addEventListener("click",(e)=>{e.preventDefault();m.focus();m.scrollIntoView()});document.body.prepend(a)});' +
  "</script>";

export default {
  title: "Finsam-analys",
  root: "src",
  output: process.env.FINSAM_BUILD_OUT ?? "dist",
  style: "style.css",
  globalStylesheets: [],
  home: "Finsam-analys",
  pages: [
    { name: "Översikt", path: "/index" },
    { name: "Helårsekvivalenter", path: "/helarsekvivalenter" },
    { name: "Jämförelse mellan förbund", path: "/jamforelse" },
    { name: "Arbetsmarknadsstatus", path: "/arbetsmarknadsstatus" },
    { name: "Befolkning och försörjning", path: "/befolkning" },
    { name: "Insatser", path: "/insatser" },
    { name: "Jämställdhet", path: "/jamstalldhet" },
    { name: "Ekonomi", path: "/ekonomi" },
    { name: "Styrelserapport", path: "/styrelserapport" },
    { name: "Datakvalitet", path: "/datakvalitet" },
    { name: "Alla förbund", path: "/nationell" },
    { name: "Nationell jämförelse", path: "/nationell-jamforelse" },
    {
      name: "Analyser",
      open: false,
      pages: [
        { name: "Om analyserna", path: "/analyser/index" },
        { name: "Målgruppen", path: "/analyser/malgruppen" },
        { name: "Helårsekvivalenter och befolkning", path: "/analyser/helarsekvivalenter" },
        { name: "Jämställdhetsanalys för styrelsen", path: "/analyser/jamstalldhet" },
        { name: "Försörjningsmått och helårsekvivalenter", path: "/analyser/forsorjning" },
        { name: "Ekonomiskt bistånd över tid", path: "/analyser/ekonomiskt-bistand" },
        { name: "Mall för en egen analys", path: "/analyser/mall" }
      ]
    }
  ],
  // Sidornas regionfiler (src/data/sida.zip.ts), som en sida hämtar när en region väljs: de
  // publiceras under fasta adresser (src/components/sidodata.ts). Listan kommer från
  // pipelinens utkatalog (FINSAM_UTDATA, satt av npm run build och npm run dev).
  async *dynamicPaths() {
    const utdata = process.env.FINSAM_UTDATA;
    // npm run build kopierar regionfilerna själv efter Framework (FINSAM_REGIONFILER=kopieras, scripts/bygg.ts):
    // Framework läser hela arkivet för varje fil det packar upp, vilket på en nationell datakatalog tar timmar.
    if (utdata && process.env.FINSAM_REGIONFILER !== "kopieras") yield* regionfiler(await sidodataI(utdata));
    // Den nationella utgåvan: en sida per förbund (src/forbund/[id].md); med FINSAM_FORBUND bara det förbundets.
    if (utdata) yield* forbundssidor(await sidodataI(utdata));
  },
  // Länkar med .html och index.html utskrivet, så att webbplatsen fungerar på vilken statisk
  // server som helst (python3 -m http.server) och som kopierade filer (file://), inte bara på
  // servrar som provar <adress>.html.
  preserveIndex: true,
  preserveExtension: true,
  pager: true,
  toc: { show: true, label: "På sidan" },
  search: false,
  head:
    '<meta name="description" content="Helårsekvivalenter, arbetsmarknadsstatus, befolkning och försörjningsmått för samordningsförbund (Finsam) och deras kommuner, från SCB.">' +
    `<link rel="icon" href="${ikon}">` +
    utskrift +
    hoppaTillInnehall,
  footer
};
