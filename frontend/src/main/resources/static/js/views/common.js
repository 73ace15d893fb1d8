// Helpers shared by the views with pickers (compare, trends, map).
import { api } from '../api.js';

/** Indicators with data at a region level, for a picker. */
export async function indicatorsAt(level, { periodType } = {}) {
	const all = await api.indicators();
	return all.filter((i) => (!level || !i.regionLevels || i.regionLevels.includes(level))
		&& (!periodType || !i.periodTypes || i.periodTypes.includes(periodType))
		&& i.lastPeriod !== null);
}

/** The period type to show for an indicator at a level: years for arbeidsmarktregio's where quarters are provincial. */
export function preferredPeriodType(indicator, level) {
	const types = indicator?.periodTypes || ['quarter', 'year'];
	if (level === 'arbeidsmarktregio' && types.includes('year') && !types.includes('month')) {
		return 'year';
	}
	for (const type of ['month', 'quarter', 'year']) {
		if (types.includes(type)) {
			return type;
		}
	}
	return types[0];
}

export function pick(value, options, fallback) {
	return options.includes(value) ? value : fallback;
}
