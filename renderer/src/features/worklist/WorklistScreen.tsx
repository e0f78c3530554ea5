import { NotBuiltYet } from '../../components/NotBuiltYet';

export function WorklistScreen() {
  return (
    <NotBuiltYet heading="Worklist">
      Here you will see everything that needs doing today: unverified coverage, due follow-ups, open referrals and screening recalls.
    </NotBuiltYet>
  );
}
