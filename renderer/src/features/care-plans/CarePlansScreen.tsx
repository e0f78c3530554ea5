import { NotBuiltYet } from '../../components/NotBuiltYet';

export function CarePlansScreen() {
  return (
    <NotBuiltYet heading="Care plans">
      Here you will keep each patient's goals, tasks, referrals and follow-ups, including the visit after a hospital discharge.
    </NotBuiltYet>
  );
}
