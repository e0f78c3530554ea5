import { Button, CloseButton, Group, Modal, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ProviderView } from '../../../../../shared/contract/scheduling';
import { formatTimeOfDay, parseTimeOfDay, weekdayName } from '../../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { failureText } from '../admin-call';
import { checkWeek, copyMondayToWeekdays, draftFromProvider, newBlock, WEEKDAYS, type BlockProblem, type DraftBlock, type DraftWeek, type Weekday } from './hours-editor';
import { setupCall } from './setup-call';

interface WorkingHoursDialogProps {
  provider: ProviderView;
  onClose(): void;
  onSaved(provider: ProviderView): void;
}

/**
 * A provider's week: for each weekday, blocks of working time (8:00–12:00 and 13:00–17:00). A day with no block is a
 * day off. Problems are shown under the field to fix once the person tries to save, and then follow their typing.
 */
export function WorkingHoursDialog({ provider, onClose, onSaved }: WorkingHoursDialogProps) {
  const [week, setWeek] = useState<DraftWeek>(() => draftFromProvider(provider.hours));
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Notice | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  /** Where keyboard focus goes after the next render (a new block's start, or a day's "Add" button after a removal). */
  const focusNext = useRef<string | null>(null);
  const check = checkWeek(week);
  const problems = showProblems ? check.problems : new Map<string, BlockProblem>();
  /** Bumped by each save refused here, so the message is announced again; it goes once nothing is left to fix. */
  const [attempt, setAttempt] = useState(0);
  const fixFirst: Notice | null =
    showProblems && check.problems.size > 0 && attempt > 0
      ? { tone: 'error', serial: attempt, title: 'Hours not saved', message: `Fix the ${check.problems.size === 1 ? 'problem' : `${check.problems.size} problems`} shown under the times, then save again.` }
      : null;

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  function changeBlock(weekday: Weekday, key: string, change: Partial<DraftBlock>) {
    setWeek((current) => ({ ...current, [weekday]: current[weekday].map((block) => (block.key === key ? { ...block, ...change } : block)) }));
  }

  function addBlock(weekday: Weekday) {
    const blocks = week[weekday];
    // A second block usually follows the first after lunch; the first block of a day starts the usual morning.
    const block = blocks.length === 0 ? newBlock('08:00', '12:00') : newBlock('', '');
    focusNext.current = `${block.key}-start`;
    setWeek((current) => ({ ...current, [weekday]: [...current[weekday], block] }));
  }

  function removeBlock(weekday: Weekday, key: string) {
    focusNext.current = `add-block-${weekday}`;
    setWeek((current) => ({ ...current, [weekday]: current[weekday].filter((block) => block.key !== key) }));
  }

  function copyMonday() {
    setWeek((current) => copyMondayToWeekdays(current));
    setCopied(week[1].length === 0 ? 'Monday has no hours, so Tuesday to Friday are now days off.' : 'Monday’s hours were copied to Tuesday, Wednesday, Thursday and Friday.');
  }

  async function save() {
    setShowProblems(true);
    const first = [...check.problems.entries()][0];
    if (first) {
      const [key, problem] = first;
      document.getElementById(problem.start ? `${key}-start` : `${key}-end`)?.focus();
      setAttempt((previous) => previous + 1);
      return;
    }
    setFailure(null);
    setSaving(true);
    const result = await setupCall((api) => api.setWorkingHours({ providerId: provider.id, week: check.week }));
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Hours not saved', message: failureText(result.error.message, result.error.issues ?? []), focus: true }));
  }

  return (
    <Modal opened onClose={onClose} title={`Working hours: ${provider.name}`} size={920} returnFocus={false} closeOnClickOutside={false}>
      <Stack gap="md">
        <Text>
          Add a block for each stretch of time {provider.name} sees patients, such as 8:00 to 12:00 and 13:00 to 17:00. Type times as 8:00, 13:30 or 1:30 pm. A day
          with no blocks is a day off.
        </Text>
        <ActionNotice notice={fixFirst ?? failure} />
        <Group gap="sm">
          <Button variant="light" onClick={copyMonday}>
            Copy Monday to Tuesday–Friday
          </Button>
          <Text size="sm" role="status" aria-live="polite">
            {copied ?? ''}
          </Text>
        </Group>
        <div className="hours-week">
          {WEEKDAYS.map((weekday) => (
            <DayRow
              key={weekday}
              weekday={weekday}
              blocks={week[weekday]}
              problems={problems}
              onChange={(key, change) => changeBlock(weekday, key, change)}
              onAdd={() => addBlock(weekday)}
              onRemove={(key) => removeBlock(weekday, key)}
            />
          ))}
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            Save hours
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface DayRowProps {
  weekday: Weekday;
  blocks: DraftBlock[];
  problems: Map<string, BlockProblem>;
  onChange(key: string, change: Partial<DraftBlock>): void;
  onAdd(): void;
  onRemove(key: string): void;
}

/** "5 pm" → "17:00" once the person leaves the field, so what they see is what is saved; anything else stays as typed. */
function tidyTime(text: string, end: boolean): string {
  const minutes = parseTimeOfDay(text, { allowEndOfDay: end });
  return minutes === null ? text : formatTimeOfDay(minutes);
}

function DayRow({ weekday, blocks, problems, onChange, onAdd, onRemove }: DayRowProps) {
  const day = weekdayName(weekday);
  const headingId = `hours-day-${weekday}`;
  const messages = blocks.flatMap((block, index) => {
    const problem = problems.get(block.key);
    if (!problem) return [];
    const text = [problem.start, problem.end].filter(Boolean).join(' ');
    return [{ id: `${block.key}-problem`, text: blocks.length > 1 ? `Block ${index + 1}: ${text}` : text }];
  });
  // Each time field in trouble is described by its message below the line. Mantine's input sets aria-describedby from
  // its own wrapper only (and would drop ours), so the link is made on the element after each render.
  useEffect(() => {
    for (const block of blocks) {
      const problem = problems.get(block.key);
      for (const [part, message] of [['start', problem?.start], ['end', problem?.end]] as const) {
        const input = document.getElementById(`${block.key}-${part}`);
        if (message) input?.setAttribute('aria-describedby', `${block.key}-problem`);
        else input?.removeAttribute('aria-describedby');
      }
    }
  });
  return (
    <section className="hours-day" aria-labelledby={headingId}>
      <Title order={3} id={headingId} className="hours-day-name">
        {day}
      </Title>
      <div>
        <div className="hours-day-line">
          {blocks.length === 0 && <Text className="hours-day-off">Day off</Text>}
          {blocks.map((block, index) => {
            const problem = problems.get(block.key);
            const which = blocks.length > 1 ? ` (block ${index + 1})` : '';
            return (
              <div key={block.key} className="hours-block">
                <TextInput
                  id={`${block.key}-start`}
                  aria-label={`${day} start${which}`}
                  value={block.start}
                  onChange={(event) => onChange(block.key, { start: event.currentTarget.value })}
                  onBlur={(event) => onChange(block.key, { start: tidyTime(event.currentTarget.value, false) })}
                  error={problem?.start !== undefined}
                  placeholder="8:00"
                  autoComplete="off"
                  className="hours-time"
                />
                <Text className="hours-to" aria-hidden="true">
                  to
                </Text>
                <TextInput
                  id={`${block.key}-end`}
                  aria-label={`${day} end${which}`}
                  value={block.end}
                  onChange={(event) => onChange(block.key, { end: event.currentTarget.value })}
                  onBlur={(event) => onChange(block.key, { end: tidyTime(event.currentTarget.value, true) })}
                  error={problem?.end !== undefined}
                  placeholder="12:00"
                  autoComplete="off"
                  className="hours-time"
                />
                <CloseButton size="lg" aria-label={`Remove ${day} block ${index + 1}`} title="Remove this block" onClick={() => onRemove(block.key)} className="hours-remove" />
              </div>
            );
          })}
          <Button id={`add-block-${weekday}`} variant="default" size="sm" onClick={onAdd}>
            {blocks.length === 0 ? 'Add hours' : 'Add block'}
            <VisuallyHidden> on {day}</VisuallyHidden>
          </Button>
        </div>
        {messages.map((message) => (
          <Text key={message.id} id={message.id} className="hours-problem" size="sm">
            {message.text}
          </Text>
        ))}
      </div>
    </section>
  );
}
