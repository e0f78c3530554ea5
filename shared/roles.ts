/** Staff roles. Every channel in the contract names which of these may call it. */
export const ROLES = ['admin', 'coordinator', 'front_desk', 'read_only'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  coordinator: 'Care coordinator',
  front_desk: 'Front desk',
  read_only: 'Read-only',
};
