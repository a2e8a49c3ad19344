// Utkatalogen (dist/) och hur ett nytt bygge byts in i den utan att något syns halvfärdigt.
//
// dist är en symbolisk länk till en färdig version i katalogen bredvid, .dist-versioner/:
//
//   dist -> .dist-versioner/20261101T143640-12345-1
//
// Ett bygge skrivs till .dist-versioner/<id>.ny, döps om till <id> när det är färdigt och
// kontrollerat, och byts in genom att en ny länk döps om till dist: ett enda rename(2), som
// är atomärt. Den som läser dist (webbservern, rsync, python3 -m http.server) ser alltid
// antingen hela den gamla eller hela den nya webbplatsen, var bygget än avbryts.
//
// Ett lås på utkatalogen (.dist-versioner/las) hindrar två byggen till samma dist, också
// från två olika kloner. Rester av avbrutna byggen (<id>.ny, gamla versioner, tillfälliga
// länkar och de äldre .dist-ny-<pid>/.dist-old-<pid>) tas bort av nästa bygge.
//
// En dist som är en vanlig katalog (från ett äldre bygge) görs om till en länk en gång: den
// flyttas in som en version och länken läggs dit. Det är två namnbyten; avbryts bygget mellan
// dem lägger nästa bygge tillbaka länken (journalen .dist-versioner/flytt). En dist som är
// en länk till något annat än en egen version (t.ex. webbserverns katalog) rörs inte: bygget
// stoppas med ett meddelande om hur man gör i stället.
//
// Testerna avbryter byggen vid namngivna punkter: FINSAM_BYGG_TESTPAUS=<punkt> får processen
// att skriva "TESTPAUS <punkt>" på stderr och vänta där (bara för testerna).
import { hostname } from "node:os";
import { existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import { link, lstat, mkdir, readFile, readdir, readlink, realpath, rename, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";

/** Ett fel som bygget visar med ett svenskt meddelande, utan stackspår. */
export class UtkatalogFel extends Error {}

/** Namngivna punkter där testerna kan avbryta ett bygge. */
export type Testpunkt = "efter-las" | "mitt-i-flytt" | "under-bygge" | "fore-klar" | "fore-byte" | "efter-byte";

/** Stannar vid `punkt` om FINSAM_BYGG_TESTPAUS säger det (bara för testerna). */
export async function testpaus(punkt: Testpunkt, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const onskad = env.FINSAM_BYGG_TESTPAUS;
  if (!onskad || !onskad.split(",").includes(punkt)) return;
  process.stderr.write(`TESTPAUS ${punkt}\n`);
  const ms = Number(env.FINSAM_BYGG_TESTPAUS_MS || 600_000);
  await new Promise((klar) => setTimeout(klar, ms));
}

// --- lås -------------------------------------------------------------------------------------

interface Lasinnehall {
  pid: number;
  vard: string;
  start: string;
  /** Processens starttid enligt /proc (Linux), så att ett återanvänt pid inte räknas som levande. */
  processtart: string;
  vem: string;
}

/** Tillstånd och starttid ur /proc/<pid>/stat (Linux); undefined där det inte finns. */
function procStat(pid: number): { tillstand: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const falt = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { tillstand: falt[0] ?? "", start: falt[19] ?? "" };
  } catch {
    return undefined;
  }
}

function processtart(pid: number): string {
  return procStat(pid)?.start ?? "";
}

/** Finns processen (och är inte en zombie, som en dödad process är tills den har städats bort)? */
function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (fel) {
    if ((fel as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const tillstand = procStat(pid)?.tillstand;
  return tillstand !== "Z" && tillstand !== "X";
}

function lasInnehall(text: string): Lasinnehall | undefined {
  try {
    const l = JSON.parse(text) as Lasinnehall;
    return typeof l.pid === "number" ? l : undefined;
  } catch {
    return undefined;
  }
}

/** Lever processen som håller låset? (På en annan dator går det inte att veta: då ja.) */
function halls(l: Lasinnehall): boolean {
  if (l.vard !== hostname()) return true;
  if (!lever(l.pid)) return false;
  const nu = processtart(l.pid);
  return !(l.processtart && nu && nu !== l.processtart);
}

/**
 * Tar låset `fil` (skapas atomärt med link(2)) eller kastar UtkatalogFel med `upptagen(innehåll)`.
 * Ett lås från en process som inte längre finns tas över. Ger en funktion som släpper låset.
 */
export async function taLas(fil: string, vem: string, upptagen: (l: Lasinnehall | undefined) => string): Promise<() => Promise<void>> {
  const mitt: Lasinnehall = { pid: process.pid, vard: hostname(), start: new Date().toISOString(), processtart: processtart(process.pid), vem };
  const text = JSON.stringify(mitt);
  const tmp = `${fil}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  try {
    for (let forsok = 0; forsok < 5; forsok++) {
      try {
        await link(tmp, fil);
        return async () => {
          // Bara vårt eget lås tas bort.
          if ((await readFile(fil, "utf8").catch(() => "")) === text) await rm(fil, { force: true });
        };
      } catch (fel) {
        if ((fel as NodeJS.ErrnoException).code !== "EEXIST") throw fel;
      }
      const innehall = await readFile(fil, "utf8").catch(() => undefined);
      if (innehall === undefined) continue; // släpptes just
      const annat = lasInnehall(innehall);
      if (annat && halls(annat)) throw new UtkatalogFel(upptagen(annat));
      // Gammalt lås: flytta undan det och kontrollera att det var just det (inte ett nytt lås
      // som en annan process hann ta); var det ett nytt, lägg tillbaka det.
      const undan = `${fil}.gammalt.${process.pid}`;
      try {
        await rename(fil, undan);
      } catch {
        continue;
      }
      const flyttat = await readFile(undan, "utf8").catch(() => "");
      if (flyttat === innehall) {
        await rm(undan, { force: true });
        continue;
      }
      await link(undan, fil).catch(() => {});
      await rm(undan, { force: true });
      throw new UtkatalogFel(upptagen(lasInnehall(flyttat)));
    }
    throw new UtkatalogFel(upptagen(undefined));
  } finally {
    await rm(tmp, { force: true });
  }
}

// --- utkatalogen -----------------------------------------------------------------------------

export interface Utkatalog {
  /** dist som användaren angav den (absolut sökväg). */
  readonly dist: string;
  /** Katalogen med versionerna, bredvid dist. */
  readonly versioner: string;
  /** Den nya versionens katalog medan den byggs (<id>.ny). */
  readonly ny: string;
  /** Byter in den nya versionen: dist pekar på den när funktionen är klar. */
  bytIn(): Promise<void>;
  /** Tar bort den nya versionen om den inte blev inbytt, och släpper låset. */
  slapp(): Promise<void>;
}


/** "dist" -> ".dist-versioner" */
export function versionskatalog(dist: string): string {
  return join(dirname(dist), `.${basename(dist)}-versioner`);
}

/** Vart dist pekar, om det är en egen länk till en version; annars undefined. */
function egenVersion(dist: string, versioner: string): string | undefined {
  let mal: string;
  try {
    if (!lstatSync(dist).isSymbolicLink()) return undefined;
    mal = readlinkSync(dist);
  } catch {
    return undefined;
  }
  const absolut = resolve(dirname(dist), mal);
  return dirname(absolut) === versioner ? basename(absolut) : undefined;
}

let raknare = 0;
/** Versionens namn: tiden, processen och ett löpnummer ("20261101T143640-12345-1"). */
function nyttId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "");
  return `${t}-${process.pid}-${++raknare}`;
}

function visa(sokvag: string): string {
  const rel = relative(process.cwd(), sokvag);
  return rel === "" ? "." : rel.startsWith("..") ? sokvag : rel;
}

/** Pekar dist på versionen `id`: en ny länk i versionskatalogen döps om till dist (atomärt). */
async function pekaPa(dist: string, versioner: string, id: string): Promise<void> {
  const tmp = join(versioner, `lank-${process.pid}`);
  await rm(tmp, { force: true });
  await symlink(join(basename(versioner), id), tmp);
  await rename(tmp, dist);
}

/**
 * Förbereder ett bygge till `distAngiven`: tar utkatalogens lås, lagar ett avbrutet byte,
 * gör om en vanlig dist-katalog till en länk och städar bort rester av avbrutna byggen.
 */
export async function forberedUtkatalog(distAngiven: string, vem: string, env: NodeJS.ProcessEnv = process.env): Promise<Utkatalog> {
  const foralder = dirname(resolve(distAngiven));
  await mkdir(foralder, { recursive: true }).catch((fel: NodeJS.ErrnoException) => {
    throw new UtkatalogFel(`Kan inte skapa katalogen ${visa(foralder)} för ${visa(distAngiven)} (${fel.code ?? fel.message}).`);
  });
  // Låset och versionerna hör till den verkliga katalogen, så att två kloner som når samma
  // utkatalog på olika vägar ändå delar lås.
  const dist = join(await realpath(foralder), basename(distAngiven));
  const versioner = versionskatalog(dist);

  // En länk som någon annan har lagt dit (t.ex. till webbserverns katalog) byts inte ut.
  const fore = await lstat(dist).catch(() => undefined);
  if (fore?.isSymbolicLink() && !egenVersion(dist, versioner)) {
    const mal = await readlink(dist);
    throw new UtkatalogFel(
      `${visa(distAngiven)} är en symbolisk länk till ${mal}, som bygget inte har lagt dit (dist is a symlink the build did not make).\n` +
        `  Bygget byter webbplatsen atomärt genom att peka om en egen länk ${visa(distAngiven)} -> ${basename(versioner)}/<version>, och skulle då ersätta din länk\n` +
        `  medan ${mal} behöll den gamla webbplatsen. Bygg i stället direkt dit: FINSAM_DIST=${resolve(dirname(dist), mal)} npm run build\n` +
        `  (där blir katalogen en länk till versioner bredvid den), eller ta bort länken (rm ${visa(distAngiven)}) och låt webbservern visa ${dist}.`
    );
  }
  if (fore && !fore.isSymbolicLink() && !fore.isDirectory()) {
    throw new UtkatalogFel(`${visa(distAngiven)} finns men är ingen katalog; flytta eller ta bort den först.`);
  }

  try {
    await mkdir(versioner, { recursive: true });
  } catch (fel) {
    throw new UtkatalogFel(`Kan inte skapa ${visa(versioner)} bredvid ${visa(distAngiven)} (${(fel as NodeJS.ErrnoException).code ?? String(fel)}).`);
  }
  const slappLas = await taLas(join(versioner, "las"), vem, (l) =>
    l
      ? `Ett annat bygge till ${visa(distAngiven)} pågår redan (process ${l.pid}${l.vard !== hostname() ? ` på ${l.vard}` : ""}, ${l.vem}, startat ${l.start}). ` +
        `Vänta tills det är klart.${l.vard !== hostname() ? ` Pågår inget bygge där, ta bort ${join(versioner, "las")}.` : ""}`
      : `Kunde inte ta låset ${visa(join(versioner, "las"))}.`
  );
  let klar = false;
  try {
    await testpaus("efter-las", env);
    await lagaFlytt(dist, versioner);
    await flyttaIn(dist, versioner, env);
    await stada(dist, versioner);
    const id = nyttId();
    const ny = join(versioner, `${id}.ny`);
    await rm(ny, { recursive: true, force: true });
    klar = true;
    let inbytt = false;
    return {
      dist,
      versioner,
      ny,
      async bytIn() {
        await testpaus("fore-klar", env);
        await rename(ny, join(versioner, id));
        await testpaus("fore-byte", env);
        await pekaPa(dist, versioner, id);
        inbytt = true;
        await testpaus("efter-byte", env);
        await stada(dist, versioner);
      },
      async slapp() {
        if (!inbytt) {
          await rm(ny, { recursive: true, force: true }).catch(() => {});
          if (egenVersion(dist, versioner) !== id) await rm(join(versioner, id), { recursive: true, force: true }).catch(() => {});
        }
        await slappLas();
      }
    };
  } finally {
    if (!klar) await slappLas();
  }
}

/** Avbröts en flytt av en vanlig dist-katalog mellan de två namnbytena: lägg dit länken. */
async function lagaFlytt(dist: string, versioner: string): Promise<void> {
  const journal = join(versioner, "flytt");
  const id = (await readFile(journal, "utf8").catch(() => "")).trim();
  if (!id) return;
  if (!existsSync(dist) && !(await lstat(dist).catch(() => undefined)) && !/[\\/]/.test(id) && existsSync(join(versioner, id))) {
    await pekaPa(dist, versioner, id);
    console.log(`Lade tillbaka ${visa(dist)} -> ${basename(versioner)}/${id} (ett tidigare bygge avbröts när dist gjordes om till en länk).`);
  }
  await rm(journal, { force: true });
}

/** En vanlig dist-katalog (från ett äldre bygge) blir en version, och dist en länk till den. */
async function flyttaIn(dist: string, versioner: string, env: NodeJS.ProcessEnv): Promise<void> {
  const st = await lstat(dist).catch(() => undefined);
  if (!st || st.isSymbolicLink()) return;
  const id = nyttId();
  const journal = join(versioner, "flytt");
  await writeFile(journal, id);
  await rename(dist, join(versioner, id));
  await testpaus("mitt-i-flytt", env);
  await pekaPa(dist, versioner, id);
  await rm(journal, { force: true });
  console.log(`${visa(dist)} är nu en länk till ${basename(versioner)}/${id} (den förra webbplatsen, oförändrad); nya byggen byts in genom att länken pekas om.`);
}

/**
 * Tar bort allt i versionskatalogen som inte är den version dist pekar på, låset eller
 * journalen: halvfärdiga versioner, gamla versioner och tillfälliga länkar från avbrutna
 * byggen. Också de äldre byggenas .dist-ny-<pid> och .dist-old-<pid> bredvid dist, när
 * processen inte längre finns. Körs bara med låset.
 */
async function stada(dist: string, versioner: string): Promise<void> {
  const aktuell = egenVersion(dist, versioner);
  for (const namn of await readdir(versioner)) {
    if (namn === aktuell || namn === "las" || namn === "flytt") continue;
    const vantar = /^las\.(\d+)\.tmp$/.exec(namn); // en annan process som just nu försöker ta låset
    if (vantar && lever(Number(vantar[1]))) continue;
    await rm(join(versioner, namn), { recursive: true, force: true });
  }
  const foralder = dirname(dist);
  for (const namn of await readdir(foralder)) {
    const m = /^\.dist-(?:ny|old)-(\d+)$/.exec(namn);
    if (m && !lever(Number(m[1]))) await rm(join(foralder, namn), { recursive: true, force: true });
  }
}
