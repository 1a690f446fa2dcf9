import debounce from "lodash/debounce";
import { alertRules, latestReading, searchPatients } from "./api";
import { firingRules } from "./alerts";
import { renderBanner, renderPatients } from "./render";

async function refresh(query: string): Promise<void> {
  const [patients, rules] = await Promise.all([searchPatients(query), alertRules()]);
  const alerts = new Map<number, string[]>();
  for (const p of patients) {
    const reading = await latestReading(p.id);
    if (reading) {
      alerts.set(p.id, firingRules(rules, reading));
    }
  }
  renderPatients(document.querySelector("#patients tbody") as HTMLElement, patients, alerts);
}

renderBanner(document.getElementById("banner") as HTMLElement);

const search = document.getElementById("search") as HTMLInputElement;
search.addEventListener("input", debounce(() => void refresh(search.value), 300));

void refresh("");
setInterval(() => void refresh(search.value), 30_000);
