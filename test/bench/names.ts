/**
 * Name lists for the benchmark's synthetic clinic, in descending order of how common they are in the US: surnames
 * after the 2010 Census surname ranking, given names after the Social Security Administration's popular-names
 * lists across the decades a clinic's patients were born in (a mix, with common Hispanic, Asian and newer names).
 * Orders are from those public rankings as best remembered, not copied tables; frequencies are modelled (Zipf,
 * see generate.ts), not census counts. A seeded tail of made-up surnames and given names stands in for the long
 * tail of rare names a real clinic has, so the name vocabulary grows with the clinic as it would.
 */

export const SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King
Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans
Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson
Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price
Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson
Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole
Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods
Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva
Shaw Snyder Mason Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice
Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce
Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray
Delgado Berry Perkins Hoffman Johnston Matthews Peña Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George Chapman
Rios Estrada Ortega Watkins Greene Nuñez Wheeler Valdez Harper Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin
Dominguez Carr Lawson Jacobs O'Brien Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza
Howell Li Wong Reid Hanson Le McCoy Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla
Day Walsh Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez Douglas Schneider
Joseph Barrett Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda
Byrd Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts
Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt De_León Barker Terry Hale Benson Haynes Horton Miles Lyons Pham
Graves Bush Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis
Erickson Reeves Chang Klein Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp
Barber Bowen Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair O'Connor Cardenas Pacheco Cross Calderon Quinn Moss
Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin Harmon McGee Gross
Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster Goodwin Fischer Huang Potter De_La_Cruz
Montoya Todd Wu Hines Mullins Castañeda Malone Cannon Tate Mack Sherman Hubbard Hodges Zhang Guerra Wolf Valencia Saunders Franco
Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton Schroeder Maxwell Waters Logan Camacho Strickland
Norman Kowalski Nowak Okafor Haddad Nakamura Yamamoto Ivanov Petrov Kaur Ahmed Ali Hussain Choi Huynh Vang Xiong Truong`
  .split(/\s+/)
  .map((s) => s.replaceAll('_', ' '))
  .filter(Boolean);

export const FEMALE_NAMES = `Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley
Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley
Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet María Catherine Heather Diane Olivia
Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison
Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn
Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie Ava Mia Harper Camila Sofia Valentina Ximena
Guadalupe Rosa Ana Lucía Carmen Yolanda Josefina Mei Linh Priya Aisha Fatima Zoe Chloe Lily Aaliyah Destiny Jasmine Gabriela Ella
Avery Scarlett Luna Layla Penelope Riley Nora Zoey Mila Aria Aubrey Ellie Stella Hazel Aurora Violet Savannah Audrey Brooklyn Bella
Claire Skylar Lucy Paisley Everly Caroline Nova Genesis Kennedy Maya Willow Naomi Elena Sadie Ariana Alexa Eva Leah Quinn Ivy Renée
Zoë Mary_Ann`
  .split(/\s+/)
  .map((s) => s.replaceAll('_', ' '))
  .filter(Boolean);

export const MALE_NAMES = `James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel Matthew Anthony Mark Donald
Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry Tyler Aaron José Adam
Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan
Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan Albert Willie Elijah Wayne Randy Vincent Mason Roy Ralph
Bobby Russell Bradley Philip Eugene Liam Oliver Lucas Carlos Luis Miguel Jorge Francisco Alejandro Ricardo Eduardo Javier Fernando
Diego Pedro Manuel Rafael Wei Minh Arjun Mohammed Ahmed Omar Hiroshi Sebastian Mateo Levi Owen Wyatt Julian Isaac Grayson Leo
Lincoln Hudson Ezra Theodore Caleb Isaiah Josiah Hunter Landon Connor Jaxon Cameron Dominic Xavier Adrian Ian Easton Nolan Colton
Angel Evan Jayden Carter Chase Max Jace Silas Miles Roman Kai Jon Bob Bill`
  .split(/\s+/)
  .filter(Boolean);

/** Syllables for the made-up long tail ("Vakorin", "Delmaston"). */
export const SYLLABLES = 'ka lo mar den ri sa tor vel an bri co da el fa gor ha is jo ken lin mo na or pe qui ros sti tan ul vin wes zan yor zel bel cor dru fen gal hol ker lam mir nor pol rav sor tev'.split(' ');
export const SURNAME_ENDINGS = 'son man ez ski er ton berg ley ford ova stein wood ing ak ich es ino ard ell ani'.split(' ');

export const STREETS = 'Oak Maple Cedar Elm Pine Lake Park Washington Lincoln Jefferson Madison Adams Jackson Clark State Halsted Ashland Western Pulaski Cicero Division Belmont Diversey Fullerton Irving Lawrence Foster Devon Touhy Howard Sheridan Broadway Kedzie California Damen Racine Wells Dearborn Michigan Wabash'.split(' ');
export const STREET_TYPES = ['St', 'Ave', 'Rd', 'Dr', 'Blvd', 'Ln', 'Ct', 'Pl'];
export const CITIES_ZIPS: readonly [string, string][] = [
  ['Chicago', '60601'], ['Chicago', '60605'], ['Chicago', '60607'], ['Chicago', '60608'], ['Chicago', '60609'], ['Chicago', '60610'],
  ['Chicago', '60611'], ['Chicago', '60612'], ['Chicago', '60613'], ['Chicago', '60614'], ['Chicago', '60615'], ['Chicago', '60616'],
  ['Chicago', '60617'], ['Chicago', '60618'], ['Chicago', '60619'], ['Chicago', '60620'], ['Chicago', '60622'], ['Chicago', '60623'],
  ['Chicago', '60625'], ['Chicago', '60626'], ['Chicago', '60629'], ['Chicago', '60632'], ['Chicago', '60639'], ['Chicago', '60640'],
  ['Chicago', '60641'], ['Chicago', '60647'], ['Chicago', '60657'], ['Chicago', '60660'], ['Evanston', '60201'], ['Evanston', '60202'],
  ['Oak Park', '60302'], ['Cicero', '60804'], ['Skokie', '60076'], ['Berwyn', '60402'], ['Naperville', '60540'], ['Schaumburg', '60193'],
];
/** Area codes: the clinic's region first (most patients), then elsewhere in the US. */
export const LOCAL_AREA_CODES = ['312', '773', '872', '708', '630', '847', '224', '331', '815', '779'];
export const OTHER_AREA_CODES = ['212', '646', '415', '310', '213', '305', '404', '713', '214', '602', '206', '617', '303', '313', '612', '414', '317', '314'];
export const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net', 'att.net'];
