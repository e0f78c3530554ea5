import { NotBuiltYet } from '../../components/NotBuiltYet';

export function ScheduleScreen() {
  return (
    <NotBuiltYet heading="Schedule">
      Here you will see each provider's day and week, book, move and cancel visits, check patients in, and work the waitlist and reminder calls.
    </NotBuiltYet>
  );
}
