// What a student's browser remembers about the games it joined: the personal
// rejoin key (so that a closed tab, a reload or another day brings them back
// to their seat) and the nickname. Nothing else is stored.
export interface Seat {
  code: string;
  nickname: string;
  rejoinKey: string;
  savedAt: number;
}

const KEY = "entente:seats";

export function savedSeats(): Seat[] {
  try {
    const seats = JSON.parse(localStorage.getItem(KEY) ?? "[]") as Seat[];
    return seats.filter((s) => Date.now() - s.savedAt < 7 * 24 * 3600 * 1000);
  } catch {
    return [];
  }
}

export function seatFor(code: string): Seat | undefined {
  return savedSeats().find((s) => s.code === code);
}

export function saveSeat(seat: Omit<Seat, "savedAt">): void {
  const others = savedSeats().filter((s) => s.code !== seat.code);
  localStorage.setItem(KEY, JSON.stringify([{ ...seat, savedAt: Date.now() }, ...others].slice(0, 10)));
}

export function forgetSeat(code: string): void {
  localStorage.setItem(KEY, JSON.stringify(savedSeats().filter((s) => s.code !== code)));
}
