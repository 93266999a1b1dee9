import { lazy, Suspense, useRef, useState } from 'react';
import {
  RuleTestInput,
  type AdminCategory,
  type AdminRule,
  type AdminUnit,
  type RuleTestResult,
} from '../../../shared/schemas/admin';
import { Loading } from '../../ui/Feedback';
import { formatCoord } from '../map/geo';
import { adminApi } from './adminApi';
import { check } from './errors';
import { AdminForm, useSubmit } from './form';
import { SelectField, TextField } from './fields';
import { useMessages, type AdminT } from './messages';

const RuleTestMap = lazy(() => import('./RuleTestMap'));

/** Names to describe rules with. */
export interface RuleNames {
  categories: readonly AdminCategory[];
  units: readonly AdminUnit[];
  /** Area code -> name (today's boundaries). */
  areaName: (code: string) => string;
}

/** "Đèn đường × any area → Công ty Chiếu sáng" (or without the unit: what the rule matches). */
export function describeRule(rule: AdminRule | undefined, names: RuleNames, m: AdminT, withUnit = true): string {
  if (!rule) return m('rules.unknownRule');
  const category = categoryName(rule.categoryCode, names, m);
  const area = rule.areaCode ? names.areaName(rule.areaCode) : m('rules.anyArea');
  return withUnit
    ? m('rules.describe', { category, area, unit: unitName(rule.unitId, names, m) })
    : m('rules.matches', { category, area });
}

/** A category's name, or "any category" for a rule without one. */
export function categoryName(code: string | null, names: RuleNames, m: AdminT): string {
  return code === null ? m('rules.anyCategory') : (names.categories.find((c) => c.code === code)?.name.vi ?? code);
}

/** A unit's name, or "unit #7" when it is not in the list. */
export function unitName(id: number, names: RuleNames, m: AdminT): string {
  return names.units.find((u) => u.id === id)?.name.vi ?? m('rules.unitNumber', { id });
}

/**
 * "Test a point": where would a report at this point go, per category (or for one)? Click the map
 * or type the coordinates; the answer shows the area, the winning rule and every candidate.
 */
export function RuleTestTool({ rules, names }: { rules: readonly AdminRule[]; names: RuleNames }) {
  const m = useMessages();
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const { busy, failure, submit } = useSubmit();
  const resultRef = useRef<HTMLDivElement>(null);

  const point: [number, number] | null =
    lat.trim() && lng.trim() && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng))
      ? [Number(lat), Number(lng)]
      : null;

  const run = (la: string, ln: string) => {
    const body = {
      lat: la.trim() === '' ? Number.NaN : Number(la.replace(',', '.')),
      lng: ln.trim() === '' ? Number.NaN : Number(ln.replace(',', '.')),
      ...(categoryCode ? { categoryCode } : {}),
    };
    void submit(check(RuleTestInput, body), () => adminApi.testRule(body)).then((r) => {
      if (r) setResult(r);
    });
  };

  const pick = (la: number, ln: number) => {
    const a = formatCoord(la, 6);
    const b = formatCoord(ln, 6);
    setLat(a);
    setLng(b);
    run(a, b);
  };

  return (
    <section className="card rule-test" aria-labelledby="rule-test-title" data-testid="rule-test">
      <h2 id="rule-test-title">{m('rules.test.title')}</h2>
      <p className="hint">{m('rules.test.intro')}</p>
      <div className="rule-test-body">
        <div className="rule-test-map">
          <Suspense fallback={<Loading />}>
            <RuleTestMap point={point} onPick={pick} label={m('rules.test.map')} />
          </Suspense>
        </div>
        <div className="rule-test-side">
          <AdminForm id="rule-test" failure={failure} busy={busy} onSubmit={() => run(lat, lng)}>
            <div className="admin-grid-2">
              <TextField
                path="lat"
                label={m('rules.test.lat')}
                value={lat}
                onChange={setLat}
                type="text"
                spellCheck={false}
              />
              <TextField
                path="lng"
                label={m('rules.test.lng')}
                value={lng}
                onChange={setLng}
                type="text"
                spellCheck={false}
              />
            </div>
            <SelectField
              path="categoryCode"
              label={m('rules.test.category')}
              value={categoryCode}
              onChange={setCategoryCode}
              options={[
                { value: '', label: m('rules.test.allCategories') },
                ...names.categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name.vi })),
              ]}
            />
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="rule-test-submit">
                {busy ? m('rules.test.running') : m('rules.test.run')}
              </button>
            </div>
          </AdminForm>
          <div ref={resultRef} aria-live="polite" aria-busy={busy || undefined}>
            {result && <RuleTestResultView result={result} rules={rules} names={names} />}
          </div>
        </div>
      </div>
    </section>
  );
}

/** The answer of the test: the area, then per category the winner (highlighted) and the candidates. */
export function RuleTestResultView({
  result,
  rules,
  names,
}: {
  result: RuleTestResult;
  rules: readonly AdminRule[];
  names: RuleNames;
}) {
  const m = useMessages();
  return (
    <div className="rule-result" data-testid="rule-test-result">
      <p className="rule-area" data-testid="rule-test-area" data-area={result.area?.code ?? ''}>
        {result.area
          ? m('rules.test.inArea', { name: result.area.name, code: result.area.code })
          : m('rules.test.noArea')}
      </p>
      {result.results.length === 0 && <p className="hint">{m('rules.test.noCategories')}</p>}
      <ul className="rule-result-list">
        {result.results.map((r) => {
          const winner = rules.find((x) => x.id === r.ruleId);
          return (
            <li
              key={r.categoryCode}
              className="rule-result-item"
              data-testid="rule-result"
              data-category={r.categoryCode}
              data-rule={r.ruleId ?? ''}
            >
              <h3>{categoryName(r.categoryCode, names, m)}</h3>
              <p className="rule-winner">
                <span className="pill pill-winner">
                  {r.ruleId === null ? m('rules.test.ioc') : m('rules.test.winner')}
                </span>{' '}
                <strong data-testid="rule-result-unit">{r.unit.name}</strong>
                {r.ruleId !== null ? (
                  <span className="sub">
                    {m('rules.test.byRule', { id: r.ruleId, rule: describeRule(winner, names, m) })}
                  </span>
                ) : (
                  <span className="sub">{m('rules.test.noRule')}</span>
                )}
              </p>
              {r.candidates.length > 0 && (
                <table className="admin-table compact">
                  <caption>{m('rules.test.candidates', { n: r.candidates.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m('rules.test.rule')}</th>
                      <th scope="col">{m('rules.unit')}</th>
                      <th scope="col" className="num">
                        {m('rules.test.specificity')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.candidates.map((c) => {
                      const won = c.ruleId === r.ruleId;
                      return (
                        <tr
                          key={c.ruleId}
                          className={won ? 'winner' : undefined}
                          data-testid="rule-candidate"
                          data-winner={won}
                        >
                          <th scope="row">
                            {describeRule(
                              rules.find((x) => x.id === c.ruleId),
                              names,
                              m,
                              false,
                            )}
                            {won && (
                              <>
                                {' '}
                                <span className="pill pill-winner">{m('rules.test.winner')}</span>
                              </>
                            )}
                          </th>
                          <td>{unitName(c.unitId, names, m)}</td>
                          <td className="num">{c.specificity}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
