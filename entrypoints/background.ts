export default defineBackground(() => {
  // placeholder: replaced by lib/background wiring
});
