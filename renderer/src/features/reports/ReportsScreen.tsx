import { NotBuiltYet } from '../../components/NotBuiltYet';

export function ReportsScreen() {
  return (
    <NotBuiltYet heading="Reports">
      Here you will see charts and exports of the clinic's measures, such as no-shows, readmissions and care-plan progress.
    </NotBuiltYet>
  );
}
