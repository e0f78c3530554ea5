import { Button, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { PatientSearchResult } from '../../../../../shared/contract/patients';
import { SearchResultList } from './SearchResultList';
import { usePatientSearch, type SearchAnswer } from './use-patient-search';

interface PatientSearchProps {
  label: string;
  description?: ReactNode;
  placeholder?: string;
  /** Enter or a click on a result. */
  onChoose(result: PatientSearchResult): void;
  /** The "no match" action, given what was typed (e.g. "Register a new patient"). */
  noMatchAction?: (query: string) => ReactNode;
  /** A record never offered (merging a record into itself). */
  excludeId?: string;
  /** The list opens in the page flow (inside a dialog) rather than floating over what is below. */
  inline?: boolean;
  timeZone: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  shortcutHint?: string;
  'data-autofocus'?: boolean;
}

/**
 * The patient search box: an ARIA combobox whose results are a listbox beside it. Focus stays in the box; ArrowUp and
 * ArrowDown move the highlighted result (aria-activedescendant), Enter opens it, Escape clears the box.
 */
export function PatientSearch(props: PatientSearchProps) {
  const { label, onChoose, noMatchAction, excludeId, inline = false, timeZone } = props;
  const [query, setQuery] = useState('');
  const [focusInside, setFocusInside] = useState(false);
  const { answer, pending } = usePatientSearch(query, { excludeId });
  const results = answer.kind === 'results' ? answer.results : NO_RESULTS;
  const [highlight, setHighlight] = useState<{ results: PatientSearchResult[]; index: number }>({ results: NO_RESULTS, index: 0 });
  // A new answer highlights its best match, so Enter straight after typing opens it.
  const activeIndex = highlight.results === results ? highlight.index : 0;
  const listId = useId();
  const optionId = useCallback((result: PatientSearchResult) => `${listId}-option-${result.id}`, [listId]);
  const container = useRef<HTMLDivElement>(null);
  // An inline list is part of the dialog's layout: it stays while there is a query, so leaving the box (a click on a
  // button below it) does not pull the dialog up under the pointer. A floating list closes when focus leaves.
  const open = (focusInside || inline) && query.trim().length > 0 && answer.kind !== 'idle';
  const active = open ? results[activeIndex] : undefined;

  // Stable for the memoized list: the latest onChoose is read through a ref.
  const chooseRef = useRef(onChoose);
  useEffect(() => {
    chooseRef.current = onChoose;
  });
  const choose = useCallback((result: PatientSearchResult) => {
    setQuery('');
    chooseRef.current(result);
  }, []);
  const highlightAt = useCallback((index: number, shown: PatientSearchResult[]) => setHighlight({ results: shown, index }), []);

  function move(step: number) {
    if (results.length === 0) return;
    const next = (activeIndex + step + results.length) % results.length;
    setHighlight({ results, index: next });
    const target = results[next];
    if (target) document.getElementById(optionId(target))?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active) choose(active);
    } else if (event.key === 'Escape' && query.length > 0) {
      event.preventDefault();
      event.stopPropagation(); // clears the box; a second Escape is the dialog's
      setQuery('');
    }
  }

  return (
    <div
      ref={container}
      className="patient-search"
      data-inline={inline || undefined}
      onFocus={() => setFocusInside(true)}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setFocusInside(false);
      }}
    >
      <TextInput
        ref={props.inputRef}
        label={label}
        description={props.description}
        placeholder={props.placeholder}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active) : undefined}
        aria-keyshortcuts={props.shortcutHint}
        size="md"
        className="patient-search-input"
        data-autofocus={props['data-autofocus']}
      />
      <div className="patient-search-popup" hidden={!open}>
        {results.length > 0 && (
          <Text size="sm" className="patient-search-count" aria-hidden="true">
            {results.length === 1 ? '1 patient' : `${results.length} patients`} — ↑ ↓ to choose, Enter to open, Esc to clear
          </Text>
        )}
        <SearchResultList
          listId={listId}
          label={`${label}: results`}
          results={results}
          activeIndex={activeIndex}
          timeZone={timeZone}
          optionId={optionId}
          onChoose={choose}
          onHighlight={highlightAt}
        />
        {open && <NoMatch answer={answer} action={noMatchAction} />}
      </div>
      <VisuallyHidden role="status">{open ? statusText(answer, pending) : ''}</VisuallyHidden>
    </div>
  );
}

const NO_RESULTS: PatientSearchResult[] = [];

function NoMatch({ answer, action }: { answer: SearchAnswer; action: PatientSearchProps['noMatchAction'] }) {
  if (answer.kind === 'failed') {
    return (
      <Text role="alert" className="patient-search-empty" c="red.9">
        The search did not work: {answer.message}
      </Text>
    );
  }
  if (answer.kind !== 'results' || answer.results.length > 0) return null;
  return (
    <div className="patient-search-empty">
      <Text>
        No patient matches “<strong>{answer.query}</strong>”. Check the spelling, or try the date of birth or phone number.
      </Text>
      {action?.(answer.query)}
    </div>
  );
}

function statusText(answer: SearchAnswer, pending: boolean): string {
  if (answer.kind === 'failed') return '';
  if (answer.kind !== 'results') return pending ? 'Searching…' : '';
  const count = answer.results.length;
  if (count === 0) return `No patient matches ${answer.query}.`;
  return `${count === 1 ? '1 patient' : `${count} patients`} found. Use the up and down arrows to choose, Enter to open.`;
}

/** The "no match" action of the main search. */
export function RegisterFromSearchButton({ onClick }: { onClick(): void }) {
  return (
    <Button mt="sm" variant="light" onMouseDown={(event) => event.preventDefault()} onClick={onClick}>
      Register a new patient
    </Button>
  );
}
