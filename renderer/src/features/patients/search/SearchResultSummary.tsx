import type { PatientSearchResult } from '../../../../../shared/contract/patients';
import { bornText, formatDateTime } from '../format';

/**
 * One patient in the results: enough to tell two people apart on the phone. All text, never markup; plain elements
 * (no component library) because twenty of these are drawn while someone types.
 */
export function SearchResultSummary({ result, timeZone }: { result: PatientSearchResult; timeZone: string | undefined }) {
  return (
    <>
      <span className="search-result-line">
        <span className="search-result-name">{result.displayName}</span>
        {result.preferredName && <span className="search-result-preferred">goes by “{result.preferredName}”</span>}
        <span className="search-result-mrn">MRN {result.mrn}</span>
      </span>
      <span className="search-result-details">
        <span>{bornText(result.dateOfBirth, result.age)}</span>
        <span>{result.phone ?? 'No phone on file'}</span>
        {result.nextAppointmentAt !== null && <span>Next visit {formatDateTime(result.nextAppointmentAt, timeZone)}</span>}
        {result.matchedOn === 'mrn-alias' && <span>Found by the MRN of a merged record</span>}
      </span>
    </>
  );
}
