export { CheckInBoard } from './CheckInBoard';
export { ReminderCallList } from './ReminderCallList';
export type { ReminderCallListProps } from './ReminderCallList';
export { WaitlistPanel } from './WaitlistPanel';
