// Where a customer is: building (楼栋), floor (楼层), unit. Lists and catalogues go by building,
// then floor in the order of the building (B2, B1, 1, 2 … 30), then unit — never as text, where
// 10 comes before 2.

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** A floor's place in its building: basements below ground, then the numbered floors, then the rest. */
export function floorRank(floor: string | null | undefined): number {
  const f = (floor ?? '').trim().toUpperCase();
  if (!f) return Number.MAX_SAFE_INTEGER;
  const basement = /^(?:B|负|地下)\s*(\d+)\s*(?:F|层|楼)?$/.exec(f) ?? /^-(\d+)\s*(?:F|层|楼)?$/.exec(f);
  if (basement) return -Number(basement[1]);
  const above = /^(\d+)\s*(?:F|层|楼)?$/.exec(f);
  if (above) return Number(above[1]);
  return 100_000;
}

export function compareFloors(a: string | null | undefined, b: string | null | undefined): number {
  return floorRank(a) - floorRank(b) || collator.compare(a ?? '', b ?? '');
}

/** Building, then floor, then unit; a customer with no building comes last. */
export function comparePlaces(a: { building: string | null; floor: string | null; unit: string | null }, b: { building: string | null; floor: string | null; unit: string | null }): number {
  if (!a.building !== !b.building) return a.building ? -1 : 1;
  return collator.compare(a.building ?? '', b.building ?? '') || compareFloors(a.floor, b.floor) || collator.compare(a.unit ?? '', b.unit ?? '');
}
