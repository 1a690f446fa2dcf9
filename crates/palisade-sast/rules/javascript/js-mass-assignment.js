const express = require("express");
const { User, Order } = require("./models");

const router = express.Router();

router.post("/users", async (req, res) => {
  // ruleid: js-mass-assignment
  const user = await User.create(req.body);
  res.status(201).json({ id: user.id });
});

router.put("/users/:id", async (req, res) => {
  // ruleid: js-mass-assignment
  await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  const order = await Order.findById(req.body.orderId);
  // ruleid: js-mass-assignment
  Object.assign(order, req.body);
  await order.save();
  // ruleid: js-mass-assignment
  const draft = new Order(req.body);
  res.json({ draft: draft.id });
});

router.post("/signup", async (req, res) => {
  const { name, email, password } = req.body;
  // ok: js-mass-assignment
  const user = await User.create({ name, email, password });
  // ok: js-mass-assignment
  const copy = Object.assign({}, req.body);
  // ok: js-mass-assignment
  const url = new URL(req.body.next, "https://app.example.com");
  res.status(201).json({ id: user.id, keys: Object.keys(copy), next: url.pathname });
});

module.exports = router;
