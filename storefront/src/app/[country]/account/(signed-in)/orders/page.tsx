import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { OrderList } from "@/components/account/order-list"
import { listCustomerOrders } from "@/lib/data/orders"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("yourOrders"), robots: { index: false } }
}

const PAGE = 10

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ page?: string }> }

export default async function OrdersPage({ params, searchParams }: Props) {
  const { country } = await params
  const page = Math.max(1, Number((await searchParams).page) || 1)
  const [{ orders, count }, t] = await Promise.all([listCustomerOrders(PAGE, (page - 1) * PAGE), getTranslations("account")])
  const pages = Math.max(1, Math.ceil(count / PAGE))
  return (
    <div className="stack">
      <h1>{t("yourOrders")}</h1>
      {orders.length ? (
        <OrderList orders={orders} country={country} />
      ) : (
        <div className="empty">
          <p>{t("noOrdersYet")}</p>
          <Link className="btn" href={`/${country}/store`}>
            {t("startShopping")}
          </Link>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="row">
          {page > 1 ? <Link href={`/${country}/account/orders?page=${page - 1}`}>{t("newer")}</Link> : null}
          <span className="muted">
            {t("pageOf", { page, pages })}
          </span>
          {page < pages ? <Link href={`/${country}/account/orders?page=${page + 1}`}>{t("older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
