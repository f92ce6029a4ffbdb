import type { CategoryId } from '../domain/triage';
import type { CategoryCopy } from './reply-copy';

/**
 * The words of the Spanish built-in replies (see reply-copy.ts for the English ones and the
 * rules). Warm and concise replies speak to the customer as "tú", formal ones as "usted":
 * `problem` follows "Lamento mucho que " / "Sentimos que " (subjunctive, tú), `formal` follows
 * "Lamentamos que " (usted). `need`, `ask` and `answer` are written without tú or usted
 * ("el localizador de la reserva", "se puede…") so every tone can use them.
 *
 * Generic copy names no product; wrong-industry nouns (pedido, vuelo, mesa, reserva) stay in
 * their own industry.
 */
const CARD_NOTE = 'Por seguridad, nunca pedimos el número completo de la tarjeta.';
const BANK_NOTE = 'Por seguridad, nunca pedimos el número completo de la tarjeta, el PIN ni las claves.';

export const REPLY_COPY_ES: Record<CategoryId, CategoryCopy> = {
  delivery_delay: {
    generic: {
      problem: 'sigas esperando',
      formal: 'esto esté tardando mucho más de lo debido',
      need: 'qué falta por llegar y cualquier referencia que haya',
      answer: 'Ya lo estamos revisando y publicaremos aquí lo que averigüemos.',
    },
    airline_travel: {
      problem: 'tu vuelo se haya retrasado',
      formal: 'su vuelo se haya retrasado',
      need: 'el localizador de la reserva',
      ask: '¿Cuál es el número de vuelo y la fecha del viaje?',
      answer: 'Las opciones para cambiar el vuelo están en Gestionar reserva, en nuestra web o app.',
    },
    restaurant_hospitality: {
      problem: 'tu pedido haya tardado tanto',
      formal: 'su pedido haya tardado demasiado',
      need: 'el nombre y la hora del pedido',
      ask: '¿De qué local era el pedido y a qué hora, más o menos?',
      answer: 'Si aún no ha llegado, el equipo del restaurante lo preparará de nuevo o lo reembolsará.',
    },
    retail_ecommerce: {
      problem: 'tu pedido todavía no haya llegado',
      formal: 'su pedido no se haya entregado a tiempo',
      need: 'el número de pedido',
      answer: 'El enlace de seguimiento del correo de confirmación muestra dónde está el paquete ahora mismo.',
    },
    software_app: {
      problem: 'el arreglo que esperas esté tardando tanto',
      formal: 'el arreglo que espera se haya retrasado',
      need: 'el correo electrónico de la cuenta',
      ask: '¿En qué versión de la app y en qué dispositivo ocurre?',
      answer: 'Nuestra página de estado muestra cómo va el arreglo y se actualiza en cuanto se publica.',
    },
    telecom_utilities: {
      problem: 'tu instalación se esté retrasando',
      formal: 'su instalación se haya retrasado',
      need: 'el número de cliente y la dirección de la instalación',
      answer: 'La cita de instalación se puede consultar o cambiar en el área de clientes.',
    },
    banking_finance: {
      problem: 'tu pago esté tardando tanto',
      formal: 'su pago se haya retrasado',
      need: 'la fecha y el importe del pago',
      answer: 'El estado del pago aparece en la sección Pagos de nuestra app.',
      privateNote: BANK_NOTE,
    },
  },
  billing_refund: {
    generic: {
      problem: 'sigas esperando tu reembolso',
      formal: 'su cargo o reembolso no se haya gestionado bien',
      need: 'la fecha y el importe del cargo',
      answer: 'Los reembolsos siempre vuelven al método de pago original, y podemos comprobar en qué punto está.',
      privateNote: CARD_NOTE,
    },
    airline_travel: {
      need: 'el localizador de la reserva y la fecha del cargo',
      answer: 'El reembolso del vuelo se puede solicitar o seguir en Gestionar reserva, en nuestra web.',
    },
    restaurant_hospitality: {
      need: 'la fecha, la hora y el importe de la cuenta',
      answer: 'Si la cuenta estaba mal, el encargado de turno puede corregirla por teléfono o en la próxima visita.',
    },
    retail_ecommerce: {
      need: 'el número de pedido y la fecha del cargo',
      answer: 'El reembolso se puede seguir en el apartado Pedidos de la cuenta.',
    },
    software_app: {
      need: 'el correo electrónico de la cuenta',
      answer: 'Las facturas y el estado del reembolso están en Facturación, en los ajustes de la cuenta.',
    },
    telecom_utilities: {
      need: 'el número de cliente y la fecha de la factura',
      answer: 'La factura y cualquier abono aparecen en Facturación, en el área de clientes.',
    },
    banking_finance: {
      problem: 'un cargo en tu cuenta no esté bien',
      formal: 'una operación de su cuenta no se haya gestionado correctamente',
      need: 'la fecha y el importe de la operación',
      answer: 'Cualquier operación se puede reclamar en la app, en Notificar un problema.',
      privateNote: BANK_NOTE,
    },
  },
  cancellation: {
    generic: {
      problem: 'la cancelación no se haya gestionado bien',
      formal: 'su cancelación no se haya gestionado correctamente',
      need: 'el correo electrónico asociado',
      answer: 'Confirmaremos la cancelación y cualquier reembolso en cuanto localicemos los datos.',
    },
    airline_travel: {
      problem: 'hayan cancelado tu vuelo',
      formal: 'se haya cancelado su vuelo',
      need: 'el localizador de la reserva',
      ask: '¿Cuál era el número de vuelo y la fecha?',
      answer: 'Se puede cambiar el vuelo sin coste o pedir el reembolso en Gestionar reserva, en nuestra web o app.',
    },
    restaurant_hospitality: {
      problem: 'hayan cancelado tu reserva',
      formal: 'se haya cancelado su reserva',
      need: 'el nombre, la fecha y la hora de la reserva',
      answer: 'Basta con responder con la fecha preferida y guardaremos una mesa.',
    },
    retail_ecommerce: {
      problem: 'cancelar tu pedido esté siendo tan difícil',
      formal: 'la cancelación de su pedido no se haya completado',
      need: 'el número de pedido',
      answer: 'Los pedidos aún no enviados se cancelan en el apartado Pedidos de la cuenta, con reembolso completo.',
    },
    software_app: {
      problem: 'cancelar tu suscripción esté siendo tan difícil',
      formal: 'su solicitud de cancelación no se haya completado',
      need: 'el correo electrónico de la cuenta',
      answer: 'La suscripción se cancela en Ajustes, Facturación; el acceso sigue hasta que acabe el periodo.',
    },
    telecom_utilities: {
      problem: 'dar de baja tu contrato esté siendo tan difícil',
      formal: 'su solicitud de baja no se haya completado',
      need: 'el número de cliente',
      answer: 'La baja se puede iniciar en Mi cuenta, Contrato, dentro del área de clientes.',
    },
    banking_finance: {
      problem: 'cerrar tu cuenta esté siendo tan difícil',
      formal: 'el cierre de su cuenta no se haya completado',
      need: 'el nombre completo y el tipo de cuenta',
      answer: 'Una cuenta se puede cerrar en la app, en Ajustes, Cerrar cuenta, cuando el saldo sea cero.',
      privateNote: BANK_NOTE,
    },
  },
  lost_damaged: {
    generic: {
      problem: 'algo se haya perdido o haya llegado dañado',
      formal: 'algo suyo se haya perdido o dañado',
      need: 'una foto de los daños y cualquier referencia que haya',
      answer: 'Todo lo que hayamos perdido o dañado se repone o se reembolsa en cuanto tengamos los datos.',
    },
    airline_travel: {
      problem: 'tu maleta se haya perdido o haya llegado dañada',
      formal: 'su equipaje se haya perdido o dañado',
      need: 'el número de etiqueta de la maleta y el localizador',
      answer: 'En el apartado Equipaje de nuestra web se puede seguir una maleta retrasada o reclamar por daños.',
    },
    restaurant_hospitality: {
      problem: 'tu pedido haya llegado mal o incompleto',
      formal: 'su pedido haya llegado incorrecto o incompleto',
      need: 'el nombre y la hora del pedido',
      answer: 'Lo que falte o esté mal se prepara de nuevo o se reembolsa al momento.',
    },
    retail_ecommerce: {
      problem: 'tu pedido se haya perdido o haya llegado dañado',
      formal: 'su pedido se haya perdido o dañado',
      need: 'el número de pedido y una foto de los daños',
      answer: 'Un paquete perdido o dañado se notifica en el apartado Pedidos de la cuenta para recibir otro o el reembolso.',
    },
    software_app: {
      problem: 'hayas perdido trabajo o datos',
      formal: 'haya perdido datos',
      need: 'el correo electrónico de la cuenta y cuándo ocurrió, más o menos',
      answer: 'Los elementos eliminados se quedan un tiempo en la Papelera y a menudo se pueden recuperar desde allí.',
    },
    telecom_utilities: {
      problem: 'tu equipo se haya perdido o haya llegado dañado',
      formal: 'su equipo se haya perdido o dañado',
      need: 'el número de cliente y una foto de los daños',
      answer: 'Se puede pedir un equipo de sustitución en Mi cuenta, Equipos.',
    },
    banking_finance: {
      problem: 'hayas perdido tu tarjeta',
      formal: 'haya perdido su tarjeta',
      need: 'el nombre completo y cuándo se tuvo la tarjeta por última vez',
      answer: 'Lo primero es bloquear la tarjeta en la app, en Tarjetas; desde ahí se pide una nueva.',
      privateNote: BANK_NOTE,
    },
  },
  staff_service: {
    generic: {
      problem: 'el trato que recibiste no fuera el adecuado',
      formal: 'la atención de nuestro equipo no estuviera a la altura',
      need: 'cuándo y dónde ocurrió',
      ask: '¿Cuándo y dónde ocurrió?',
      answer: 'Cada aviso como este llega al responsable del equipo, y este también.',
    },
    airline_travel: { problem: 'nuestra tripulación no te tratara como mereces', ask: '¿En qué vuelo fue y en qué fecha?' },
    restaurant_hospitality: { problem: 'no te trataran bien durante tu visita', ask: '¿En qué local fue y a qué hora, más o menos?' },
    retail_ecommerce: { problem: 'no te trataran bien en la tienda', ask: '¿En qué tienda fue y cuándo, más o menos?' },
    software_app: {
      problem: 'nuestro equipo de soporte no te tratara bien',
      ask: '¿Cuándo fue el contacto, más o menos, y por correo o por chat?',
    },
    telecom_utilities: { problem: 'nuestro equipo de atención no te tratara bien', ask: '¿Cuándo fue la llamada o el chat, más o menos?' },
    banking_finance: {
      problem: 'nuestro equipo no te tratara bien',
      ask: '¿Fue en una oficina, por teléfono o por chat, y cuándo, más o menos?',
      privateNote: BANK_NOTE,
    },
  },
  product_defect: {
    generic: {
      problem: 'no funcione como debería',
      formal: 'lo que compró no funcione como debería',
      need: 'una foto o un vídeo corto del fallo',
      answer: 'Todo lo defectuoso se repara, se sustituye o se reembolsa, y nosotros lo organizamos.',
    },
    airline_travel: {
      problem: 'algo a bordo no funcionara',
      formal: 'las instalaciones a bordo no funcionaran como deberían',
      need: 'el localizador de la reserva y el número de asiento',
      ask: '¿En qué vuelo y en qué asiento fue?',
      answer: 'Registramos cada avería así para que se repare antes de que ese avión vuelva a volar.',
    },
    restaurant_hospitality: {
      problem: 'la comida no estuviera bien',
      formal: 'su comida no estuviera a la altura',
      need: 'la fecha, la hora y el local de la visita',
      ask: '¿En qué local fue y qué plato era?',
      answer: 'El equipo de turno cambia el plato o lo quita de la cuenta en cuanto se le avisa.',
    },
    retail_ecommerce: {
      problem: 'tu compra no funcione como debería',
      formal: 'su producto no funcione como debería',
      need: 'el número de pedido y una foto del fallo',
      answer: 'Los artículos defectuosos se devuelven en el apartado Pedidos de la cuenta para repararlos, cambiarlos o reembolsarlos.',
    },
    software_app: {
      problem: 'la app no funcione como debería',
      formal: 'la app no funcione como debería',
      need: 'el dispositivo, la versión de la app y una captura de pantalla',
      ask: '¿En qué dispositivo y con qué versión de la app ocurre?',
      answer: 'Actualizar a la última versión desde la tienda de aplicaciones soluciona la mayoría de problemas como este.',
    },
    telecom_utilities: {
      problem: 'tu equipo no funcione bien',
      formal: 'su equipo no funcione correctamente',
      need: 'el número de cliente',
      ask: '¿Qué luces muestra ahora mismo el router?',
      answer: 'Reiniciar el router resuelve la mayoría de averías; si no, podemos enviar a un técnico.',
    },
    banking_finance: {
      problem: 'tu tarjeta o la app no funcionen como deberían',
      formal: 'su tarjeta o la app no funcionen como deberían',
      need: 'lo que aparece en pantalla y el dispositivo que se usa',
      answer: 'Actualizar la app y reiniciar el móvil soluciona la mayoría de problemas como este.',
      privateNote: BANK_NOTE,
    },
  },
  account_login: {
    generic: {
      problem: 'no puedas entrar en tu cuenta',
      formal: 'no pueda acceder a su cuenta',
      need: 'el correo electrónico o el nombre de usuario de la cuenta',
      answer: 'La contraseña se puede restablecer con el enlace «¿Has olvidado tu contraseña?» de la página de inicio de sesión.',
      privateNote: 'Por seguridad, nunca pedimos contraseñas.',
    },
    banking_finance: {
      need: 'el nombre completo y el teléfono asociado a la cuenta',
      answer: 'La clave de acceso se puede restablecer en la app con la tarjeta y el móvil.',
      privateNote: BANK_NOTE,
    },
  },
  booking: {
    generic: {
      problem: 'haya habido un problema con tu cita',
      formal: 'haya habido un problema con su cita',
      need: 'el nombre y la fecha de la cita',
      answer: 'La cita se puede consultar o cambiar en la cuenta.',
    },
    airline_travel: {
      problem: 'haya habido un problema con tu reserva',
      formal: 'haya habido un problema con su reserva',
      need: 'el localizador de la reserva',
      ask: '¿Para qué número de vuelo y qué fecha es la reserva?',
      answer: 'La reserva se puede consultar y cambiar en Gestionar reserva, en nuestra web o app.',
    },
    restaurant_hospitality: {
      problem: 'haya habido un problema con tu reserva de mesa',
      formal: 'haya habido un problema con su reserva',
      need: 'el nombre, la fecha y la hora de la reserva',
      ask: '¿Para qué local y qué fecha era la reserva?',
      answer: 'Basta con responder con la fecha preferida y guardaremos una mesa.',
    },
    telecom_utilities: {
      problem: 'haya habido un problema con la cita del técnico',
      formal: 'haya habido un problema con la cita del técnico',
      need: 'el número de cliente',
      answer: 'La cita del técnico se puede consultar o cambiar en el área de clientes.',
    },
    banking_finance: {
      problem: 'haya habido un problema con tu cita en la oficina',
      formal: 'haya habido un problema con su cita en la oficina',
      answer: 'Las citas en oficina se consultan o se cambian en la app, en Citas.',
      privateNote: BANK_NOTE,
    },
  },
  outage: {
    generic: {
      problem: 'nuestro servicio no te funcione',
      formal: 'esté sufriendo una interrupción del servicio',
      need: 'lo que aparece en pantalla y el dispositivo que se usa',
      ask: '¿Qué aparece en pantalla y en qué dispositivo?',
      answer: 'Nuestra página de estado tiene novedades en directo sobre la incidencia.',
    },
    airline_travel: {
      problem: 'nuestra web y la app no te funcionen',
      formal: 'nuestra web y la app no le funcionen',
      answer: 'Nuestra página de estado tiene novedades en directo, y se puede facturar en los mostradores del aeropuerto.',
    },
    restaurant_hospitality: {
      problem: 'los pedidos en línea no te funcionen',
      formal: 'los pedidos en línea no estén disponibles',
      answer: 'Mientras lo arreglamos, se puede pedir por teléfono o en el mostrador.',
    },
    retail_ecommerce: {
      problem: 'nuestra web no te funcione',
      formal: 'nuestra web no le funcione',
      answer: 'Nuestra página de estado tiene novedades en directo, y la cesta se guarda mientras lo arreglamos.',
    },
    software_app: {
      problem: 'la app no te funcione',
      formal: 'la app no esté disponible',
      answer: 'Nuestra página de estado tiene novedades en directo sobre la caída.',
    },
    telecom_utilities: {
      problem: 'tu servicio no funcione',
      formal: 'su servicio esté interrumpido',
      ask: '¿Es la fibra, el móvil o la tele, y en qué localidad?',
      answer: 'Las averías de la zona se pueden consultar en nuestra página de estado del servicio.',
    },
    banking_finance: {
      problem: 'la banca en línea no te funcione',
      formal: 'la banca en línea no le funcione',
      answer: 'El dinero está seguro, las tarjetas funcionan y nuestra página de estado tiene novedades en directo.',
      privateNote: BANK_NOTE,
    },
  },
  app_bug: {
    generic: {
      problem: 'nuestra app o nuestra web te esté fallando',
      formal: 'nuestra app o nuestra web le falle',
      need: 'los pasos para repetir el fallo, una captura y el dispositivo y navegador',
      ask: '¿Qué se estaba haciendo cuando falló, y en qué dispositivo y navegador?',
      answer: 'Los fallos conocidos están en la página de estado; salir y volver a entrar, u otro navegador, suele bastar.',
    },
    airline_travel: {
      problem: 'nuestra web o la app te estén fallando',
      formal: 'nuestra web o la app no le funcionen correctamente',
      answer: 'Los fallos conocidos están en nuestra página de estado; las reservas se gestionan también en el aeropuerto.',
    },
    restaurant_hospitality: {
      problem: 'los pedidos en línea te estén fallando',
      formal: 'los pedidos en línea no le funcionen correctamente',
      answer: 'Los fallos conocidos están en nuestra página de estado; se puede pedir por teléfono o en el mostrador.',
    },
    retail_ecommerce: {
      problem: 'nuestra web te esté fallando',
      formal: 'nuestra web no le funcione correctamente',
      need: 'los pasos para repetir el fallo, una captura y el navegador',
      answer: 'Los fallos conocidos están en nuestra página de estado; otro navegador suele funcionar y la cesta se guarda.',
    },
    software_app: {
      problem: 'la app te esté fallando',
      formal: 'la app no le funcione correctamente',
      need: 'los pasos para repetir el fallo, una captura y la versión de la app',
      ask: '¿En qué dispositivo y versión de la app ocurre, y qué se estaba haciendo?',
      answer: 'Los fallos conocidos están en nuestra página de estado; actualizar a la última versión resuelve la mayoría.',
    },
    telecom_utilities: {
      problem: 'nuestra app o el área de clientes te estén fallando',
      formal: 'nuestra app o el área de clientes le fallen',
      answer: 'Los fallos conocidos están en nuestra página de estado; la cuenta se puede gestionar por teléfono.',
    },
    banking_finance: {
      problem: 'la app o la banca en línea te estén fallando',
      formal: 'la app o la banca en línea le fallen',
      need: 'lo que aparece en pantalla y la versión de la app',
      answer: 'El dinero está seguro; los fallos conocidos están en la página de estado y actualizar la app suele bastar.',
      privateNote: BANK_NOTE,
    },
  },
  other: {
    generic: {
      problem: 'hayas tenido problemas con nosotros',
      formal: 'su experiencia con nosotros no haya estado a la altura',
      need: 'algunos detalles de lo que pasó',
      ask: '¿Qué pasó exactamente? Cualquier detalle ayuda.',
      answer: 'Haremos todo lo posible por arreglarlo; solo necesitamos saber qué lo resolvería.',
    },
  },
};
