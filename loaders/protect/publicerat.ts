/**
 * The publication check from the outside: given only the published nyckeltal rows (what
 * anyone can download), re-derive every count they show or imply, the relations between them,
 * and run the same checks as the protection: no shown count in 1..k-1, and no hidden count
 * whose feasible range is narrower than k. The publication gate reuses this.
 */
import { doldaIntervall } from "./angripare.ts";
import { MotsagelseFel, jamfor, kontrolleraK, type Overtradelse } from "./model.ts";
import { KON, MATT, RADENS_STORHETER, nyckel, nyckeltalsrelationer, type Kon, type NyckeltalRad, type NyckeltalSkydd, type Storhet } from "./nyckeltal.ts";

export interface PubliceratKontroll extends Omit<NyckeltalSkydd, "k"> {
  /**
   * Whether the goal group behind the means is the numerator of the share (the normal
   * definition; default true). The check then assumes malGrupp = malTaljare in every cell
   * where the rows do not show otherwise.
   */
  readonly malGruppSammaSomMalTaljare?: boolean;
}

/** Every violation found in the published rows; empty = safe to publish. */
export function kontrolleraPublicerat(rows: readonly NyckeltalRad[], k: number, opts: PubliceratKontroll = {}): Overtradelse[] {
  kontrolleraK(k);
  const perPeriod = new Map<string, NyckeltalRad[]>();
  for (const r of rows) {
    if (!KON.includes(r.kon) || !MATT.includes(r.matt)) throw new RangeError(`okänd rad: ${JSON.stringify(r)}`);
    const n = JSON.stringify([r.forbund, r.fran, r.till]);
    perPeriod.set(n, [...(perPeriod.get(n) ?? []), r]);
  }
  const ut: Overtradelse[] = [];
  for (const [id, rader] of [...perPeriod].sort((a, b) => jamfor(a[0], b[0]))) {
    const [forbund, fran, till] = JSON.parse(id) as [string, string, string];
    const prefix = `${forbund}|${fran}|${till}|`;
    const visade = new Map<string, number>();
    const dolda = new Set<string>();
    const celler = new Set<string>();
    const sedd = new Set<string>();
    for (const r of rader) {
      const radId = `${r.insats}|${r.kon}|${r.matt}`;
      if (sedd.has(radId)) throw new RangeError(`raden ${prefix}${radId} finns två gånger`);
      sedd.add(radId);
      celler.add(`${r.insats}|${r.kon}`);
      const n = (s: Storhet) => nyckel(s, r.insats, r.kon);
      if (r.undertryckt) {
        if (r.varde !== null || r.antal !== null) {
          const lacka = r.antal ?? r.varde ?? 0;
          ut.push({ nyckel: prefix + n(RADENS_STORHETER[r.matt][0]!), min: lacka, max: lacka, varde: lacka, typ: "visat_dolt" });
        }
        for (const s of RADENS_STORHETER[r.matt]) dolda.add(n(s));
        continue;
      }
      if (r.antal === null || !Number.isInteger(r.antal) || r.antal < 0) throw new RangeError(`raden ${prefix}${radId} visas men saknar giltigt antal`);
      if (r.matt === "andel_mal") {
        const taljare = r.antal > 0 && r.varde !== null ? Math.round(r.varde * r.antal) : 0;
        visade.set(n("malNamnare"), r.antal);
        visade.set(n("malTaljare"), taljare);
        visade.set(n("malKomplement"), r.antal - taljare);
      } else {
        visade.set(n(RADENS_STORHETER[r.matt][0]!), r.antal);
      }
    }
    // A published count in 1..k-1.
    for (const [n, v] of [...visade].sort((a, b) => jamfor(a[0], b[0]))) {
      if (v > 0 && v < k) ut.push({ nyckel: prefix + n, min: v, max: v, varde: v, typ: "litet_tal" });
    }
    // Cells without a row for some count: that count is unknown to an outsider (a free variable).
    const allaNycklar = new Set<string>();
    for (const c of celler) {
      const i = c.slice(0, c.lastIndexOf("|"));
      const kon = c.slice(c.lastIndexOf("|") + 1) as Kon;
      for (const matt of MATT) for (const s of RADENS_STORHETER[matt]) allaNycklar.add(nyckel(s, i, kon));
    }
    // avslut − the share's denominator (tidiga avhopp) follows from two rows: never shown as such.
    const harledda = new Set<string>();
    for (const c of celler) {
      const n = nyckel("malAvhopp", c.slice(0, c.lastIndexOf("|")), c.slice(c.lastIndexOf("|") + 1) as Kon);
      allaNycklar.add(n);
      harledda.add(n);
    }
    for (const n of allaNycklar) if (!visade.has(n)) dolda.add(n);

    const malLika = opts.malGruppSammaSomMalTaljare ?? true;
    const lika = (i: string, kon: Kon) => {
      if (!malLika) return false;
      const g = nyckel("malGrupp", i, kon);
      const t = nyckel("malTaljare", i, kon);
      if (dolda.has(g) && dolda.has(t)) return true;
      return visade.has(g) && visade.has(t) && visade.get(g) === visade.get(t);
    };
    const relationer = (medLika: boolean) => nyckeltalsrelationer(celler, opts, medLika ? lika : () => false);
    let smala;
    try {
      smala = doldaIntervall(visade, [...dolda], relationer(true), k, { harledda });
    } catch (e) {
      // The goal group may differ from the numerator in some hidden cell: check without that assumption.
      if (!(e instanceof MotsagelseFel) || !malLika) throw e;
      smala = doldaIntervall(visade, [...dolda], relationer(false), k, { harledda });
    }
    for (const [n, { min, max }] of smala) ut.push({ nyckel: prefix + n, min, max, varde: null, typ: "intervall" });
  }
  return ut;
}
