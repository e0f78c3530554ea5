import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuditEntryView } from '../../../../../shared/contract/audit';
import type { StaffMember } from '../../../../../shared/contract/staff';
import type { FieldIssue } from '../../../../../shared/result';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { ReadingStatus } from '../../../components/ReadingStatus';
import { adminCall } from '../admin-call';
import { useClinicTimeZone } from '../admin-store';
import { fileStamp } from '../clinic-time';
import type { AuditFilter } from './audit-filter';
import { AuditFilters } from './AuditFilters';
import { AuditPager } from './AuditPager';
import { AuditTable, type AuditSort, type SortDirection } from './AuditTable';
import { AuditVerify } from './AuditVerify';
import { downloadTextFile } from './download-file';

export const AUDIT_PAGE_SIZE = 50;

interface AuditQuery {
  filter: AuditFilter;
  sort: AuditSort;
  direction: SortDirection;
  offset: number;
}

type Page = { entries: AuditEntryView[]; total: number };

/** Who did what and when: filter, sort, page through, verify the chain and export what is shown as CSV. */
export function AuditTab() {
  const timeZone = useClinicTimeZone();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [query, setQuery] = useState<AuditQuery>({ filter: {}, sort: 'at', direction: 'desc', offset: 0 });
  const [page, setPage] = useState<Page | null>(null);
  const [loading, setLoading] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filterIssues, setFilterIssues] = useState<{ issues: readonly FieldIssue[]; serial: number } | null>(null);
  const [exporting, setExporting] = useState(false);
  const staffNames = useMemo(() => new Map(staff.map((member) => [member.id, member.fullName])), [staff]);

  useEffect(() => {
    void adminCall((api) => api.staff.list()).then((result) => {
      if (result.ok) setStaff(result.value);
    });
  }, []);

  const load = useCallback(async (next: AuditQuery) => {
    setLoading(true);
    const result = await adminCall((api) => api.audit.list({ ...next.filter, sort: next.sort, direction: next.direction, offset: next.offset, limit: AUDIT_PAGE_SIZE }));
    setLoading(false);
    if (result.ok) {
      setPage(result.value);
      return;
    }
    if (result.error.issues?.length) setFilterIssues((previous) => ({ issues: result.error.issues ?? [], serial: (previous?.serial ?? 0) + 1 }));
    setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The audit trail could not be shown', message: result.error.message }));
  }, []);

  useEffect(() => {
    void load(query);
  }, [query, load]);

  function sortBy(sort: AuditSort) {
    setQuery((previous) => ({
      ...previous,
      sort,
      direction: previous.sort === sort ? (previous.direction === 'asc' ? 'desc' : 'asc') : sort === 'at' ? 'desc' : 'asc',
      offset: 0,
    }));
  }

  async function exportCsv() {
    setExporting(true);
    const result = await adminCall((api) => api.audit.exportCsv({ ...query.filter, sort: query.sort, direction: query.direction }));
    setExporting(false);
    if (!result.ok) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The audit trail was not exported', message: result.error.message }));
      return;
    }
    const fileName = `caredesk-audit-trail-${fileStamp(Date.now(), timeZone)}.csv`;
    downloadTextFile(fileName, result.value.csv, 'text/csv;charset=utf-8');
    const count = result.value.rowCount;
    setNotice((previous) =>
      nextNotice(previous, {
        tone: 'success',
        title: 'Audit trail exported',
        message: `${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'} exported as ${fileName}; your computer asks where to save it. The export itself is now an entry in the audit trail.`,
      }),
    );
    void load(query);
  }

  return (
    <Stack gap="lg">
      <AuditFilters staff={staff} timeZone={timeZone} serverIssues={filterIssues} onApply={(filter) => setQuery((previous) => ({ ...previous, filter, offset: 0 }))} />
      <Group justify="space-between" align="flex-start">
        <AuditVerify />
        <Button variant="default" onClick={() => void exportCsv()} loading={exporting} disabled={page?.total === 0}>
          Export CSV
        </Button>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {page === null ? (
        loading && (
          <ReadingStatus>Reading the audit trail…</ReadingStatus>
        )
      ) : (
        <>
          <AuditPager total={page.total} offset={query.offset} pageSize={AUDIT_PAGE_SIZE} onPage={(offset) => setQuery((previous) => ({ ...previous, offset }))} />
          {page.total === 0 ? (
            <Text>No entries match these filters.</Text>
          ) : (
            <AuditTable entries={page.entries} staffNames={staffNames} timeZone={timeZone} sort={query.sort} direction={query.direction} onSort={sortBy} />
          )}
        </>
      )}
    </Stack>
  );
}
