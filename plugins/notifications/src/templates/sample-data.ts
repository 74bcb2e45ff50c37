import type { TemplateId } from "./catalog"
import type { TemplateData } from "./engine"

const ORDER: TemplateData = {
  customer_name: "Wanjiku Kamau",
  customer_first_name: "Wanjiku",
  customer_email: "wanjiku@example.com",
  customer_phone: "+254712345678",
  order_number: "1042",
  order_date: "21 Nov 2026",
  order_total: "KES 3,350",
  order_subtotal: "KES 2,900",
  shipping_total: "KES 450",
  tax_total: "KES 462",
  discount_total: "",
  currency: "KES",
  order_url: "https://shop.example.com/account/orders/details/order_01",
  item_count: 2,
  items_summary: "2 x Kenya AA Coffee",
  items: [
    { title: "Kenya AA Coffee", variant: "500 g", quantity: 2, unit_price: "KES 1,450", total: "KES 2,900" },
  ],
  more_items: "",
  shipping_address: "Tom Mboya Street 5, Nairobi",
  shipping_method: "Countrywide courier",
}

/** Realistic data for previews (admin) and tests, per template. */
export const SAMPLE_DATA: Record<TemplateId, TemplateData> = {
  "order-placed": { ...ORDER, mpesa_paybill: "600984", mpesa_till: "", mpesa_account: "1042" },
  "payment-received": {
    ...ORDER,
    payment_amount: "KES 3,350",
    payment_method: "M-Pesa",
    mpesa_receipt: "SKL4ABC7XY",
  },
  "payment-failed": {
    ...ORDER,
    failure_reason: "The M-Pesa request was cancelled",
    retry_url: "https://shop.example.com/account/orders/details/order_01",
    payment_method: "M-Pesa",
    mpesa_paybill: "600984",
    mpesa_till: "",
    mpesa_account: "1042",
  },
  "order-shipped": { ...ORDER, tracking_number: "G4S-889231", tracking_url: "", carrier: "G4S" },
  "order-out-for-delivery": { ...ORDER, tracking_number: "G4S-889231", tracking_url: "" },
  "order-delivered": ORDER,
  "order-cancelled": { ...ORDER, cancel_reason: "" },
  "order-refunded": { ...ORDER, refund_amount: "KES 3,350", refund_reason: "" },
  welcome: {
    customer_name: "Wanjiku Kamau",
    customer_first_name: "Wanjiku",
    account_url: "https://shop.example.com/account",
  },
  "password-reset": {
    customer_name: "Wanjiku Kamau",
    customer_first_name: "Wanjiku",
    email: "wanjiku@example.com",
    reset_url: "https://shop.example.com/reset-password?token=abc",
  },
  "merchant-new-order": {
    ...ORDER,
    admin_order_url: "http://localhost:9000/app/orders/order_01",
    payment_status: "awaiting",
  },
}
