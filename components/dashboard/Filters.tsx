import { useId } from 'react';
import { CASE_STATUSES } from '../../lib/domain/case';
import type { RosterEntry } from '../../lib/domain/agent';
import { PLATFORMS } from '../../lib/domain/post';
import { CATEGORY_IDS, PRIORITIES } from '../../lib/domain/triage';
import type { Brand } from '../../lib/domain/brand';
import { PLATFORM_LABELS } from '../common/labels';
import { EMPTY_FILTERS, type FilterState } from './filters';
import { t } from '../../lib/i18n/t';
import { categoryLabel, priorityLabel, statusLabel } from '../../lib/domain/labels';

interface Option {
  value: string;
  label: string;
}

/** The sticky filter bar: text search plus one select per indexed field and a date range. */
export function Filters({
  value,
  brands,
  roster = [],
  onChange,
}: {
  value: FilterState;
  brands: readonly Brand[];
  /** Agents to offer in the assignee filter (value: the agent id). */
  roster?: readonly Pick<RosterEntry, 'id' | 'name'>[];
  onChange: (next: FilterState) => void;
}) {
  const rosterListId = useId();
  const set = <K extends keyof FilterState>(key: K, next: FilterState[K]) => onChange({ ...value, [key]: next });
  const brandOptions: Option[] = brands.map((brand) => ({ value: brand.id, label: brand.name }));
  // A stored brand filter for a brand that was since removed still shows (and can be cleared).
  if (value.brandId && !brands.some((brand) => brand.id === value.brandId))
    brandOptions.push({ value: value.brandId, label: value.brandId });
  return (
    <form className="dash-filters" role="search" aria-label={t('dashboard.filterCases')} onSubmit={(event) => event.preventDefault()}>
      <label className="dash-search">
        <span className="visually-hidden">{t('dashboard.searchLabel')}</span>
        <input
          type="search"
          placeholder={t('dashboard.searchPlaceholder')}
          value={value.search}
          maxLength={200}
          data-testid="dashboard-search"
          onChange={(event) => set('search', event.target.value)}
        />
      </label>
      <Select
        label={t('dashboard.status')}
        field="status"
        value={value.status}
        options={[
          { value: 'open', label: t('dashboard.openAny') },
          ...CASE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
        ]}
        onChange={(next) => set('status', next as FilterState['status'])}
      />
      <Select
        label={t('dashboard.platform')}
        field="platform"
        value={value.platform}
        options={PLATFORMS.map((platform) => ({ value: platform, label: PLATFORM_LABELS[platform] }))}
        onChange={(next) => set('platform', next as FilterState['platform'])}
      />
      <Select
        label={t('dashboard.brand')}
        field="brand"
        value={value.brandId}
        options={brandOptions}
        onChange={(next) => set('brandId', next)}
      />
      <Select
        label={t('dashboard.priority')}
        field="priority"
        value={value.priority}
        options={PRIORITIES.map((priority) => ({ value: priority, label: priorityLabel(priority) }))}
        onChange={(next) => set('priority', next as FilterState['priority'])}
      />
      <Select
        label={t('dashboard.category')}
        field="category"
        value={value.category}
        options={CATEGORY_IDS.map((category) => ({ value: category, label: categoryLabel(category) }))}
        onChange={(next) => set('category', next as FilterState['category'])}
      />
      <button
        type="button"
        className="dash-chip"
        aria-pressed={value.mine}
        data-testid="dashboard-filter-mine"
        onClick={() => onChange({ ...value, mine: !value.mine, ...(value.mine ? {} : { unassigned: false }) })}
      >
        {t('agents.myCases')}
      </button>
      <label className="dash-filter">
        <span>{t('dashboard.assignee')}</span>
        <input
          value={value.assignee}
          maxLength={100}
          placeholder={t('dashboard.anyone')}
          list={rosterListId}
          disabled={value.unassigned || value.mine}
          data-testid="dashboard-filter-assignee"
          onChange={(event) => set('assignee', event.target.value)}
        />
      </label>
      <datalist id={rosterListId}>
        {roster.map((entry) => (
          <option key={entry.id} value={entry.id} label={entry.name} />
        ))}
      </datalist>
      <label className="dash-filter-check">
        <input
          type="checkbox"
          checked={value.unassigned}
          disabled={value.mine}
          data-testid="dashboard-filter-unassigned"
          onChange={(event) => set('unassigned', event.target.checked)}
        />
        {t('dashboard.unassigned')}
      </label>
      <fieldset className="dash-date-range" data-testid="dashboard-filter-date">
        <legend className="visually-hidden">{t('dashboard.loggedBetween')}</legend>
        <label className="dash-filter">
          <span>{t('dashboard.loggedFrom')}</span>
          <input
            type="date"
            value={value.fromDate}
            data-testid="dashboard-filter-date-from"
            onChange={(event) => set('fromDate', event.target.value)}
          />
        </label>
        <label className="dash-filter">
          <span>{t('dashboard.dateTo')}</span>
          <input
            type="date"
            value={value.toDate}
            data-testid="dashboard-filter-date-to"
            onChange={(event) => set('toDate', event.target.value)}
          />
        </label>
      </fieldset>
      <button type="button" onClick={() => onChange(EMPTY_FILTERS)} disabled={sameFilters(value, EMPTY_FILTERS)}>
        {t('dashboard.clearFilters')}
      </button>
    </form>
  );
}

function Select({
  label,
  field,
  value,
  options,
  onChange,
}: {
  label: string;
  field: string;
  value: string;
  options: readonly Option[];
  onChange: (next: string) => void;
}) {
  return (
    <label className="dash-filter">
      <span>{label}</span>
      <select value={value} data-testid={`dashboard-filter-${field}`} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('dashboard.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function sameFilters(a: FilterState, b: FilterState): boolean {
  return (Object.keys(a) as (keyof FilterState)[]).every((key) => a[key] === b[key]);
}
