import { memo } from 'react';
import type { PatientSearchResult } from '../../../../../shared/contract/patients';
import { SearchResultSummary } from './SearchResultSummary';

interface SearchResultListProps {
  listId: string;
  label: string;
  results: PatientSearchResult[];
  activeIndex: number;
  timeZone: string | undefined;
  optionId(result: PatientSearchResult): string;
  onChoose(result: PatientSearchResult): void;
  onHighlight(index: number, shown: PatientSearchResult[]): void;
}

/**
 * The listbox of results. Memoized: a key typed into the box redraws only the box, and the list is drawn again only
 * when an answer arrives or the highlight moves (the callbacks it gets are stable).
 */
export const SearchResultList = memo(function SearchResultList({ listId, label, results, activeIndex, timeZone, optionId, onChoose, onHighlight }: SearchResultListProps) {
  return (
    <ul role="listbox" id={listId} aria-label={label} className="patient-search-results" hidden={results.length === 0}>
      {results.map((result, index) => (
        <li
          key={result.id}
          id={optionId(result)}
          role="option"
          aria-selected={index === activeIndex}
          data-active={index === activeIndex || undefined}
          className="search-result"
          // Keeps focus in the box, so the list does not close before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => index !== activeIndex && onHighlight(index, results)}
          onClick={() => onChoose(result)}
        >
          <SearchResultSummary result={result} timeZone={timeZone} />
        </li>
      ))}
    </ul>
  );
});
