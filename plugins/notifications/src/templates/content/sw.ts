import type { LocaleContent } from "./types"

export const sw: LocaleContent = {
  labels: {
    item: "Bidhaa",
    quantity: "Idadi",
    price: "Jumla",
    subtotal: "Jumla ndogo",
    shipping: "Usafirishaji",
    tax: "Ikijumuisha VAT",
    discount: "Punguzo",
    total: "Jumla",
    deliverTo: "Inaletwa kwa",
    andMore: "na nyingine {{more_items}}",
  },
  layout: {
    footer: "Umepokea barua pepe hii kwa sababu ya akaunti au agizo lako katika {{store_name}}.",
    help: "Una swali? Jibu barua pepe hii{% if support_phone %} au piga {{support_phone}}{% endif %}.",
  },
  templates: {
    "order-placed": {
      subject: "Agizo #{{order_number}} limethibitishwa",
      email: {
        heading: "Asante kwa agizo lako, {{customer_first_name}}!",
        paragraphs: [
          "Tumepokea agizo <strong>#{{order_number}}</strong> la tarehe {{order_date}}. Tutakujulisha mara litakaposafirishwa.",
        ],
        items: true,
        address: true,
        button: { label: "Tazama agizo lako", url: "order_url" },
      },
      sms: "{{store_name}}: Asante {{customer_first_name}}! Agizo #{{order_number}} ({{order_total}}) limepokelewa. Tutakutumia ujumbe likisafirishwa.",
    },
    "payment-received": {
      subject: "Malipo ya agizo #{{order_number}} yamepokelewa",
      email: {
        heading: "Malipo yamepokelewa",
        paragraphs: [
          "Tumepokea malipo yako ya <strong>{{payment_amount}}</strong>{% if payment_method %} kwa {{payment_method}}{% endif %} kwa agizo #{{order_number}}.",
          "{% if mpesa_receipt %}Risiti ya M-Pesa: <strong>{{mpesa_receipt}}</strong>{% endif %}",
        ],
        items: true,
        button: { label: "Tazama agizo lako", url: "order_url" },
      },
      sms: "{{store_name}}: Malipo ya {{payment_amount}} ya agizo #{{order_number}} yamepokelewa.{% if mpesa_receipt %} Risiti ya M-Pesa: {{mpesa_receipt}}.{% endif %} Asante!",
    },
    "payment-failed": {
      subject: "Malipo ya agizo #{{order_number}} hayakufaulu",
      email: {
        heading: "Malipo yako hayakufaulu",
        paragraphs: [
          "Hatukuweza kupokea malipo ya agizo #{{order_number}} ({{order_total}}){% if failure_reason %}: {{failure_reason}}{% endif %}.",
          "Agizo lako limehifadhiwa. Ili kujaribu tena, hakikisha una salio la kutosha kwenye M-Pesa na simu yako iko wazi, kisha ulipe tena kutoka ukurasa wa agizo na uweke PIN yako ya M-Pesa.",
        ],
        button: { label: "Lipa tena", url: "retry_url" },
      },
      sms: "{{store_name}}: Malipo ya agizo #{{order_number}} hayakufaulu{% if failure_reason %} ({{failure_reason}}){% endif %}.{% if retry_url %} Lipa tena: {{retry_url}}{% else %} Agizo limehifadhiwa; tafadhali lipa tena.{% endif %}",
    },
    "order-shipped": {
      subject: "Agizo #{{order_number}} limesafirishwa",
      email: {
        heading: "Agizo lako liko njiani",
        paragraphs: [
          "Agizo #{{order_number}} limesafirishwa{% if carrier %} na {{carrier}}{% endif %}.",
          "{% if tracking_number %}Nambari ya ufuatiliaji: <strong>{{tracking_number}}</strong>{% endif %}",
        ],
        address: true,
        button: { label: "Fuatilia agizo lako", url: "tracking_url" },
      },
      sms: "{{store_name}}: Agizo #{{order_number}} limesafirishwa{% if carrier %} na {{carrier}}{% endif %}.{% if tracking_number %} Ufuatiliaji: {{tracking_number}}.{% endif %}",
    },
    "order-out-for-delivery": {
      subject: "Agizo #{{order_number}} linaletwa leo",
      email: {
        heading: "Linaletwa leo",
        paragraphs: [
          "Agizo #{{order_number}} liko njiani kukufikia leo. Tafadhali weka simu yako wazi ili mleta mzigo akupate.",
        ],
        address: true,
        button: { label: "Fuatilia agizo lako", url: "tracking_url" },
      },
      sms: "{{store_name}}: Agizo #{{order_number}} linaletwa leo. Tafadhali weka simu yako wazi.",
    },
    "order-delivered": {
      subject: "Agizo #{{order_number}} limewasilishwa",
      email: {
        heading: "Limewasilishwa",
        paragraphs: ["Agizo #{{order_number}} limekufikia. Asante kwa kununua nasi!"],
        button: { label: "Tazama agizo lako", url: "order_url" },
      },
      sms: "{{store_name}}: Agizo #{{order_number}} limewasilishwa. Asante kwa kununua nasi!",
    },
    "order-cancelled": {
      subject: "Agizo #{{order_number}} limeghairiwa",
      email: {
        heading: "Agizo lako limeghairiwa",
        paragraphs: [
          "Agizo #{{order_number}} ({{order_total}}) limeghairiwa{% if cancel_reason %}: {{cancel_reason}}{% endif %}.",
          "Ikiwa ulishalipa, pesa zako zitarudishwa.",
        ],
      },
      sms: "{{store_name}}: Agizo #{{order_number}} limeghairiwa{% if cancel_reason %} ({{cancel_reason}}){% endif %}. Ikiwa ulilipa, tutakurudishia pesa.",
    },
    "order-refunded": {
      subject: "Pesa za agizo #{{order_number}} zimerudishwa",
      email: {
        heading: "Tumekurudishia pesa",
        paragraphs: [
          "Tumekurudishia <strong>{{refund_amount}}</strong> kwa agizo #{{order_number}}{% if refund_reason %} ({{refund_reason}}){% endif %}. Huenda ikachukua siku chache kufika kwenye akaunti yako.",
        ],
      },
      sms: "{{store_name}}: Tumekurudishia {{refund_amount}} kwa agizo #{{order_number}}. Huenda ikachukua siku chache kukufikia.",
    },
    welcome: {
      subject: "Karibu {{store_name}}",
      email: {
        heading: "Karibu, {{customer_first_name}}!",
        paragraphs: [
          "Akaunti yako ya {{store_name}} iko tayari. Unaweza kufuatilia maagizo yako, kuhifadhi anwani na kulipa kwa M-Pesa haraka.",
        ],
        button: { label: "Anza kununua", url: "store_url" },
      },
      sms: "Karibu {{store_name}}, {{customer_first_name}}! Akaunti yako iko tayari.",
    },
    "password-reset": {
      subject: "Badilisha nenosiri lako la {{store_name}}",
      email: {
        heading: "Badilisha nenosiri lako",
        paragraphs: ["Mtu ameomba kubadilisha nenosiri la {{email}}. Tumia kitufe hiki kuchagua nenosiri jipya."],
        button: { label: "Chagua nenosiri jipya", url: "reset_url" },
        after: ["Ikiwa hukuomba hili, puuza barua pepe hii: nenosiri lako halitabadilika."],
      },
      sms: "{{store_name}}: badilisha nenosiri lako hapa {{reset_url}}",
    },
    "merchant-new-order": {
      subject: "Agizo jipya #{{order_number}}: {{order_total}}",
      email: {
        heading: "Agizo jipya #{{order_number}}",
        paragraphs: [
          "{{customer_name}} ({{customer_email}}{% if customer_phone %}, {{customer_phone}}{% endif %}) ameagiza bidhaa za <strong>{{order_total}}</strong> tarehe {{order_date}}. Malipo: {{payment_status}}.",
        ],
        items: true,
        address: true,
        button: { label: "Fungua kwenye admin", url: "admin_order_url" },
      },
      sms: "Agizo jipya #{{order_number}}: {{order_total}}, bidhaa {{item_count}} kutoka kwa {{customer_name}}{% if customer_phone %} {{customer_phone}}{% endif %}.",
    },
  },
}
