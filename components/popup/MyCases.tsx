import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import { formatNumber } from '../../lib/i18n/format';
import { t } from '../../lib/i18n/t';
import { myCasesQuery } from '../../lib/queries/agents';

/** "My cases": the open cases assigned to this agent, linking to the dashboard filtered to them. */
export function MyCases() {
  const mine = useQuery(myCasesQuery());
  if (!mine.data) return null;
  const { open } = mine.data;
  return (
    <section className="popup-my-cases" aria-label={t('agents.myCases')} data-testid="popup-my-cases" data-count={open}>
      <a href={browser.runtime.getURL('/dashboard.html?mine=1')} target="_blank" rel="noopener">
        {open === 0 ? t('agents.noOpenCases') : t('agents.myOpenCases', open, { count: formatNumber(open) })}
      </a>
    </section>
  );
}
