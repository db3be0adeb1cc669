/**
 * Who should do it: among the team's staff, the one with the fewest open requests now
 * (ties: name order, so every device suggests the same person).
 */
export function suggestAssignee(teamId: string, staff: { id: string; name: string; teamId?: string }[], openCount: (staffId: string) => number): string {
  const members = staff.filter((s) => s.teamId === teamId);
  if (!members.length) return '';
  return members
    .map((s) => ({ s, load: openCount(s.id) }))
    .sort((a, b) => a.load - b.load || a.s.name.localeCompare(b.s.name, 'zh-CN'))[0].s.id;
}
