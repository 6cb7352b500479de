numstr2 ; more string to number conversions, unary plus and minus
 write "+""12abc""=",+"12abc",!
 write "-""12abc""=",-"12abc",!
 write "+""1E2E3""=",+"1E2E3",!
 write "+""1E+2""=",+"1E+2",!
 write "+""1E-2""=",+"1E-2",!
 write "+""1E""=",+"1E",!
 write "+""1E+""=",+"1E+",!
 write "+""1.5E1.5""=",+"1.5E1.5",!
 write "+"".E1""=",+".E1",!
 write "+""0001000""=",+"0001000",!
 write "+""-000.000""=",+"-000.000",!
 write "+""---3""=",+"---3",!
 write "+""+-+3""=",+"+-+3",!
 write "+""12,345""=",+"12,345",!
 write "+""$12""=",+"$12",!
 write "+""9E""_""2""=",+("9E"_"2"),!
 write "+""3 4""=",+"3 4",!
 write "+""1e2""=",+"1e2",!
 quit
