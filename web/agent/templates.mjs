// Reply templates (svarsmallar) for the agent workspace: plain Swedish, "du". A template is inserted into the reply
// box and edited before sending.
export const REPLY_TEMPLATES = [
  {
    name: "Tack, vi återkommer",
    text: "Tack för ditt meddelande. Vi har tagit emot det och återkommer till dig så snart vi kan.",
  },
  {
    name: "Vi behöver mer information",
    text: "För att kunna hjälpa dig behöver vi veta lite mer. Kan du svara på det här meddelandet och berätta mer om vad det gäller?",
  },
  {
    name: "Ärendet är klart",
    text: "Nu är ditt ärende klart. Hör gärna av dig igen om du har fler frågor.",
  },
  {
    name: "Skickat vidare",
    text: "Vi har skickat ditt ärende vidare till de som arbetar med frågan. De hör av sig till dig.",
  },
];
